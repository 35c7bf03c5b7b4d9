"""The bank details now live in the donation settings (membership 0005 copied them there first)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0005_donation_reference'),
        ('membership', '0006_donation_settings'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='organisationsettings',
            name='bank_account_holder',
        ),
        migrations.RemoveField(
            model_name='organisationsettings',
            name='bic',
        ),
        migrations.RemoveField(
            model_name='organisationsettings',
            name='donation_reference',
        ),
        migrations.RemoveField(
            model_name='organisationsettings',
            name='iban',
        ),
    ]
