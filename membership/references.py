"""The reference a member quotes to ask for a copy or the erasure of what they sent, e.g. UTS-7K2M-9QXD.

Random, so it says nothing about the person or the order of sign-ups. Crockford's alphabet has no
I, L, O or U, so a reference read aloud or typed from a phone cannot be mistaken for another.
"""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "UTS"
GROUPS = 2
GROUP_LENGTH = 4
LENGTH = len(PREFIX) + GROUPS * (GROUP_LENGTH + 1)
READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_reference():
    groups = ["".join(secrets.choice(ALPHABET) for _ in range(GROUP_LENGTH)) for _ in range(GROUPS)]
    return "-".join([PREFIX, *groups])


def normalise_reference(text):
    """The reference as stored, from what someone typed: any case, spaces or dashes, O for 0, I or L for 1."""
    compact = re.sub(r"[\s\-_.]", "", text or "").upper()
    if compact.startswith(PREFIX):
        compact = compact[len(PREFIX) :]
    compact = compact.translate(READ_AS)
    if len(compact) != GROUPS * GROUP_LENGTH or any(character not in ALPHABET for character in compact):
        return None
    groups = [compact[index : index + GROUP_LENGTH] for index in range(0, len(compact), GROUP_LENGTH)]
    return "-".join([PREFIX, *groups])
