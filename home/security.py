"""The Content Security Policy: strict on the public site, looser in Wagtail's admin, which needs it."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, giving admin addresses ADMIN_CONTENT_SECURITY_POLICY instead.

    Wagtail's admin writes inline scripts and styles (e.g. its inline panels and date pickers), which
    the public policy forbids. Public pages never need them: their only script is a file. A page
    previewed in the admin is rendered through a dummy request to its public address, and shown in a
    frame of the admin: it gets the admin's policy too.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        in_admin = request.path_info.startswith(reverse("wagtailadmin_home")) or getattr(request, "is_dummy", False)
        if not report_only and parts.config is None and in_admin:
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
