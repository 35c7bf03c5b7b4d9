"""Editors manage redirects (Settings > Redirects), including the import of a spreadsheet of them.

When a page moves or a campaign address is printed on a flyer, the people who publish are the ones
who need the redirect. Like 0002, this only adds what is missing and leaves everything on reverse.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
REDIRECT_PERMISSIONS = ["add_redirect", "change_redirect", "delete_redirect"]


def let_editors_manage_redirects(apps, schema_editor):
    using = schema_editor.connection.alias if schema_editor is not None else "default"
    # On a fresh database Django only creates model permissions after all migrations (post_migrate).
    app_config = apps.get_app_config("wagtailredirects")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    try:
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
    finally:
        app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.using(using).get_or_create(name=EDITORS)
    editors.permissions.add(
        *Permission.objects.using(using).filter(
            content_type__app_label="wagtailredirects", codename__in=REDIRECT_PERMISSIONS
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_roles_and_review_workflow"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [
        migrations.RunPython(let_editors_manage_redirects, migrations.RunPython.noop),
    ]
