"""The "my sign-up" pages, under each language prefix (included in i18n_patterns before Wagtail's pages)."""

from django.urls import include, path, re_path
from django.utils.translation import pgettext_lazy

from membership import member_views

urlpatterns = [
    path(
        pgettext_lazy("address of the my sign-up page", "my-sign-up/"),
        include(
            [
                path("", member_views.SignInView.as_view(), name="membership_my_sign_up"),
                path("answers/", member_views.AnswersView.as_view(), name="membership_my_sign_up_answers"),
                path("correct/", member_views.CorrectView.as_view(), name="membership_my_sign_up_correct"),
                re_path(
                    r"^download/(?P<file_format>json|text)/$",
                    member_views.DownloadView.as_view(),
                    name="membership_my_sign_up_download",
                ),
                path("withdraw/", member_views.WithdrawView.as_view(), name="membership_my_sign_up_withdraw"),
                path("sign-out/", member_views.SignOutView.as_view(), name="membership_my_sign_up_sign_out"),
                path("exit/", member_views.QuickExitView.as_view(), name="membership_my_sign_up_exit"),
            ]
        ),
    ),
]
