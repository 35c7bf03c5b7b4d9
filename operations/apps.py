from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site on several servers: health checks, outages answered with 503, backup and restore."""

    name = "operations"
    verbose_name = "Operations"
