from django.urls import path
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/setup/", views.setup, name="two_factor_setup"),
        path("two-factor/verify/", views.verify, name="two_factor_verify"),
    ]
