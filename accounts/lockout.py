"""How django-axes locks an admin account after repeated failed sign-ins, without keeping who tried.

Lockout is by user name only (AXES_LOCKOUT_PARAMETERS), so no IP address is needed: none is stored.
"""

from django.conf import settings
from django.shortcuts import render


def client_ip_not_kept(request):
    """Axes' client address: none, so its records never hold a visitor's IP address."""
    return None


def lockout_response(request, original_response=None, credentials=None):
    """The page shown while an account is locked: when it lifts, in plain words."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "accounts/lockout.html",
        {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
