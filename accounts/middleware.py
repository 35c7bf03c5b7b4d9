"""Two-factor login for the admin: a password alone opens nothing."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django_otp import user_has_device

# What a user may reach between the password and the code: the two steps themselves, signing in or
# out, and what the admin's own sign-in pages load (their JavaScript translations and icons).
OPEN_URL_NAMES = {
    "two_factor_setup",
    "two_factor_verify",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}


class RequireTwoFactorMiddleware:
    """Placed after django-otp's OTPMiddleware, which tells whether this session gave a one-time code.

    A user who signed in with a password but gave no code yet is sent to the code step (or, without an
    authenticator app, to its set-up) on every admin address, and counts as anonymous everywhere else,
    so that private pages and documents stay closed to a stolen password too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.ADMIN_TWO_FACTOR_REQUIRED:
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if request.resolver_match.url_name in OPEN_URL_NAMES:
            return None
        if request.path_info.startswith(reverse("wagtailadmin_home")):
            step = "two_factor_verify" if user_has_device(user, confirmed=True) else "two_factor_setup"
            return redirect_to_login(request.get_full_path(), reverse(step))
        request.user = AnonymousUser()
        return None
