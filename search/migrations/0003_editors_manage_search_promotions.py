"""Editors manage promoted search results (Settings > Promoted search results), in every language.

Like home's 0003 for redirects: only adds what is missing, and leaves everything on reverse.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
PROMOTION_PERMISSIONS = ["add_searchpromotion", "change_searchpromotion", "delete_searchpromotion"]


def let_editors_manage_search_promotions(apps, schema_editor):
    using = schema_editor.connection.alias
    # On a fresh database Django only creates model permissions after all migrations (post_migrate).
    app_config = apps.get_app_config("wagtailsearchpromotions")
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
            content_type__app_label="wagtailsearchpromotions", codename__in=PROMOTION_PERMISSIONS
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_text_search_in_each_language"),
        ("home", "0003_editors_manage_redirects"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [
        migrations.RunPython(let_editors_manage_search_promotions, migrations.RunPython.noop),
    ]
