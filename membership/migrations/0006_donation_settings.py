"""The bank details leave the organisation settings for their own donation settings (Settings > Donations),
beside the donate page that shows them: the values typed so far are kept, and Editors, who changed them in
the organisation settings, change them here."""

import django.db.models.deletion
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

import membership.models.donate

BANK_DETAILS = ["bank_account_holder", "iban", "bic", "donation_reference"]
EDITORS = "Editors"


def copy_bank_details(source_model, target_model):
    def copy(apps, schema_editor):
        using = schema_editor.connection.alias
        target = apps.get_model(*target_model)
        for settings in apps.get_model(*source_model).objects.using(using).all():
            target.objects.using(using).update_or_create(
                site_id=settings.site_id, defaults={field: getattr(settings, field) for field in BANK_DETAILS}
            )

    return copy


def let_editors_change_donation_settings(apps, schema_editor):
    using = schema_editor.connection.alias
    # On a fresh database Django only creates model permissions after all migrations (post_migrate).
    app_config = apps.get_app_config("membership")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    try:
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
    finally:
        app_config.models_module = models_module
    editors, _ = apps.get_model("auth", "Group").objects.using(using).get_or_create(name=EDITORS)
    editors.permissions.add(
        *apps.get_model("auth", "Permission")
        .objects.using(using)
        .filter(content_type__app_label="membership", codename="change_donationsettings")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0005_donation_reference"),
        ("membership", "0005_submission_member_secret_and_revision"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="DonationSettings",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "bank_account_holder",
                    models.CharField(
                        blank=True,
                        help_text="Beneficiary name, as the bank knows it; at most 70 characters, the limit of payment QR codes.",
                        max_length=70,
                    ),
                ),
                (
                    "iban",
                    models.CharField(
                        blank=True,
                        help_text="e.g. BE71 0961 2345 6769",
                        max_length=34,
                        validators=[membership.models.donate.validate_iban],
                        verbose_name="IBAN",
                    ),
                ),
                (
                    "bic",
                    models.CharField(
                        blank=True,
                        help_text="e.g. GKCCBEBB",
                        max_length=11,
                        validators=[membership.models.donate.validate_bic],
                        verbose_name="BIC",
                    ),
                ),
                (
                    "donation_reference",
                    models.CharField(
                        blank=True,
                        help_text="The Belgian structured communication every donor quotes, the same for all, e.g. +++010/8068/17183+++ (the union's accountant or bank can make one). It goes in the payment QR codes on the donate page, which appear once the beneficiary name, the IBAN and this reference are set.",
                        max_length=20,
                        validators=[membership.models.donate.validate_structured_communication],
                        verbose_name="donation reference",
                    ),
                ),
                (
                    "site",
                    models.OneToOneField(
                        editable=False, on_delete=django.db.models.deletion.CASCADE, to="wagtailcore.site"
                    ),
                ),
            ],
            options={
                "verbose_name": "donations",
            },
        ),
        migrations.RunPython(
            copy_bank_details(("home", "OrganisationSettings"), ("membership", "DonationSettings")),
            copy_bank_details(("membership", "DonationSettings"), ("home", "OrganisationSettings")),
        ),
        migrations.RunPython(let_editors_change_donation_settings, migrations.RunPython.noop),
    ]
