from .navigation import FooterText, Menu, MenuItem
from .pages import ContentPage, FaqPage, HomePage, MissionPage
from .site_settings import OrganisationSettings

__all__ = [
    "ContentPage",
    "FaqPage",
    "FooterText",
    "HomePage",
    "Menu",
    "MenuItem",
    "MissionPage",
    "OrganisationSettings",
]
