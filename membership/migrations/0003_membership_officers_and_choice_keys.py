"""Gives the `Membership officers` group (DESIGN §9) what it needs to handle member data, and no more.

The group is also made by home's roles migration; both use get_or_create and only add permissions,
so they can run in either order. Officers may view and delete submissions and change retention
periods; no group gets the notification settings (superusers only).

Also gives existing choice fields their stable keys, taken from the original language's choices.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from wagtail.coreutils import safe_snake_case

MEMBERSHIP_OFFICERS = "Membership officers"
OFFICER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("membership", "view_submission"),
    ("membership", "delete_submission"),
    ("membership", "view_formretention"),
    ("membership", "change_formretention"),
]
CHOICE_FIELD_TYPES = ["dropdown", "radio", "multiselect", "checkboxes"]


def ensure_permissions_exist(apps, using):
    """On a fresh database Django only creates model permissions after all migrations (post_migrate)."""
    app_config = apps.get_app_config("membership")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    try:
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
    finally:
        app_config.models_module = models_module


def give_officers_their_permissions(apps, schema_editor):
    using = schema_editor.connection.alias
    ensure_permissions_exist(apps, using)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.using(using).get_or_create(name=MEMBERSHIP_OFFICERS)
    group.permissions.add(
        *[
            Permission.objects.using(using).get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in OFFICER_PERMISSIONS
        ]
    )


def split_choices(text):
    lines = text.strip().splitlines()
    if len(lines) > 1:
        return [line.strip().rstrip(",").strip() for line in lines]
    return [part.strip() for part in text.split(",")] if text.strip() else []


def give_choices_stable_keys(apps, schema_editor):
    MembershipFormField = apps.get_model("membership", "MembershipFormField")
    fields = MembershipFormField.objects.using(schema_editor.connection.alias).filter(
        field_type__in=CHOICE_FIELD_TYPES, choice_keys=""
    )
    originals = {}
    for field in fields.order_by("pk"):
        original = originals.setdefault(field.translation_key, field)
        field.choice_keys = "\n".join(safe_snake_case(label) for label in split_choices(original.choices))
        field.save(update_fields=["choice_keys"])


class Migration(migrations.Migration):
    dependencies = [
        ("membership", "0002_protected_forms"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [
        migrations.RunPython(give_officers_their_permissions, migrations.RunPython.noop),
        migrations.RunPython(give_choices_stable_keys, migrations.RunPython.noop),
    ]
