"""The secret a member gets once, next to the reference, to open their own sign-up without an account.

Twenty characters of Crockford's alphabet (100 bits), shown as five groups of four, e.g.
7K2M-9QXD-PB4T-WZ8H-3NRC: easy to write down, and typed back in any case, with or without spaces or
dashes, O for 0 and I or L for 1. Only a slow password hash is stored (scrypt, through Django's own
hasher, with a salt of its own): nobody, officers included, can read the secret back.
"""

import secrets
from functools import lru_cache

from django.conf import settings
from django.utils.module_loading import import_string
from django.views.decorators.debug import sensitive_variables

from membership.references import ALPHABET, READ_AS

GROUPS = 5
GROUP_LENGTH = 4
MAX_TYPED_LENGTH = 100
SEPARATORS = str.maketrans("", "", " \t\r\n-_.")


@sensitive_variables()
def new_secret():
    characters = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_LENGTH))
    return "-".join(characters[index : index + GROUP_LENGTH] for index in range(0, len(characters), GROUP_LENGTH))


@sensitive_variables()
def normalise_secret(text):
    """The secret as it was given, from what someone typed; None when it cannot be one."""
    if not isinstance(text, str) or len(text) > MAX_TYPED_LENGTH:
        return None
    compact = text.translate(SEPARATORS).upper().translate(READ_AS)
    if len(compact) != GROUPS * GROUP_LENGTH or any(character not in ALPHABET for character in compact):
        return None
    return "-".join(compact[index : index + GROUP_LENGTH] for index in range(0, len(compact), GROUP_LENGTH))


def hasher():
    """The password hasher of settings.MEMBER_SECRET_HASHER, used whatever PASSWORD_HASHERS says."""
    return import_string(settings.MEMBER_SECRET_HASHER)()


@sensitive_variables()
def hash_secret(secret):
    member_hasher = hasher()
    return member_hasher.encode(secret, member_hasher.salt())


@lru_cache(maxsize=1)
def _dummy_hash(hasher_path):
    """A hash of a secret nobody has: checked when there is no such sign-up, so that a miss takes as long."""
    return hash_secret(new_secret())


@sensitive_variables()
def secret_matches(typed, encoded):
    """Always runs one full hash check (against a dummy hash when `encoded` is empty), then compares."""
    secret = normalise_secret(typed) or ""
    member_hasher = hasher()
    if not encoded or not encoded.startswith(f"{member_hasher.algorithm}$"):
        member_hasher.verify(secret, _dummy_hash(settings.MEMBER_SECRET_HASHER))
        return False
    return member_hasher.verify(secret, encoded) and bool(secret)
