"""The second step of signing in to the admin: set up an authenticator app once, then give its code each time."""

import base64

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import OneTimeCodeForm


def next_url(request):
    """Where to go once the code is accepted: the admin page asked for, never another site."""
    candidate = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


@sensitive_post_parameters("code")
def verify(request):
    """Ask for the current code of the user's authenticator app."""
    user = request.user
    if user.is_verified():
        return redirect(next_url(request))
    if not user_has_device(user, confirmed=True):
        return redirect(f"{reverse('two_factor_setup')}?{urlencode({REDIRECT_FIELD_NAME: next_url(request)})}")
    form = OneTimeCodeForm(
        lambda: devices_for_user(user, confirmed=True, for_verify=True),
        request.POST if request.method == "POST" else None,
    )
    if form.is_valid():
        otp_login(request, form.device)
        return redirect(next_url(request))
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": next_url(request)})


@sensitive_post_parameters("code")
def setup(request):
    """Link an authenticator app to an account that has none yet; its first code confirms it.

    An account that already has an app never gets another one here: a password alone must not be
    enough to add one. A lost phone is reset with `manage.py reset_two_factor`.
    """
    user = request.user
    if user_has_device(user, confirmed=True):
        return redirect(f"{reverse('two_factor_verify')}?{urlencode({REDIRECT_FIELD_NAME: next_url(request)})}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
        user=user, name=_("Authenticator app"), confirmed=False
    )
    form = OneTimeCodeForm(lambda: [device], request.POST if request.method == "POST" else None)
    if form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, _("Two-factor login is set up. You will be asked for a code each time you sign in."))
        return redirect(next_url(request))
    secret = base64.b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "next": next_url(request),
        "qr_code": segno.make(device.config_url, error="m").svg_inline(
            scale=5, title=_("QR code to scan with an authenticator app")
        ),
        "secret": " ".join(secret[index : index + 4] for index in range(0, len(secret), 4)),
        "issuer": settings.OTP_TOTP_ISSUER,
    }
    return render(request, "accounts/two_factor_setup.html", context)
