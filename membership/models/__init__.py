"""Joining, volunteering, asking for a training, and giving.

The forms are built by staff with Wagtail's form builder; what people send through them is member
data (DESIGN §8): encrypted at rest, seen only by membership officers, kept for a limited time.
"""

from .donate import DonatePage, DonationSettings, SuggestedAmount
from .forms import FormPage, FormPageField, MembershipFormField, MembershipFormPage, ProtectedFormPage
from .submissions import FormRetention, NotificationSettings, Submission

__all__ = [
    "DonatePage",
    "DonationSettings",
    "FormPage",
    "FormPageField",
    "FormRetention",
    "MembershipFormField",
    "MembershipFormPage",
    "NotificationSettings",
    "ProtectedFormPage",
    "Submission",
    "SuggestedAmount",
]
