from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class OneTimeCodeForm(forms.Form):
    """The six-digit code of an authenticator app, checked against the user's devices.

    django-otp makes each device wait longer after every wrong code (1, 2, 4, 8... seconds), so codes
    cannot be guessed in bulk.
    """

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def __init__(self, devices, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.devices = devices
        self.device = None

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        with transaction.atomic():
            for device in self.devices():
                allowed, details = device.verify_is_allowed()
                if not allowed and details and details.get("locked_until"):
                    seconds = max(1, int((details["locked_until"] - timezone.now()).total_seconds()) + 1)
                    raise forms.ValidationError(
                        ngettext(
                            "Too many wrong codes. Wait %(seconds)d second and try again.",
                            "Too many wrong codes. Wait %(seconds)d seconds and try again.",
                            seconds,
                        )
                        % {"seconds": seconds},
                        code="throttled",
                    )
                if device.verify_token(code):
                    self.device = device
                    return code
        raise forms.ValidationError(
            _("This code is wrong or has expired. Type the code your app shows now."), code="invalid"
        )
