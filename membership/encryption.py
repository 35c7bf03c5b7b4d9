"""Encryption at rest for member data: answers are stored as Fernet tokens, never as readable text.

The keys come from settings.MEMBER_DATA_KEYS (the MEMBER_DATA_KEYS environment variable), never from
SECRET_KEY: the first key encrypts, every key decrypts, so a key is rotated by putting a new one first
and running `manage.py rotate_member_data_keys` before the old one is dropped.
"""

import json
from functools import lru_cache

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.views.decorators.debug import sensitive_variables


@lru_cache(maxsize=4)
def _cipher_for(keys):
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except (ValueError, TypeError) as error:
        raise ImproperlyConfigured("MEMBER_DATA_KEYS holds a value that is not a Fernet key.") from error


def member_data_cipher():
    """The MultiFernet built from the configured keys; refuses to work without any."""
    keys = tuple(settings.MEMBER_DATA_KEYS)
    if not keys:
        raise ImproperlyConfigured("MEMBER_DATA_KEYS is not set: member data cannot be stored or read.")
    return _cipher_for(keys)


@sensitive_variables()
def encrypt_json(value):
    return member_data_cipher().encrypt(json.dumps(value, cls=DjangoJSONEncoder).encode()).decode("ascii")


@sensitive_variables()
def decrypt_json(token):
    return json.loads(member_data_cipher().decrypt(token.encode("ascii")))


class EncryptedJSONField(models.TextField):
    """A JSON value that Python code sees in clear and the database (and dumpdata) only sees encrypted."""

    def from_db_value(self, value, expression, connection):
        return None if value is None else decrypt_json(value)

    def to_python(self, value):
        if isinstance(value, str):
            return decrypt_json(value)
        return value

    def get_prep_value(self, value):
        return None if value is None else encrypt_json(value)

    def value_to_string(self, obj):
        """Serialised (dumpdata, fixtures) as the token, so an export of the database stays encrypted."""
        return self.get_prep_value(self.value_from_object(obj))
