"""Machine translation is off unless the environment configures DeepL or a self-hosted LibreTranslate."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent


def translator_setting(extra_env):
    env = {key: value for key, value in os.environ.items() if key not in {"DEEPL_AUTH_KEY", "LIBRETRANSLATE_URL"}}
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(getattr(settings, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', {}).get('CLASS', 'off'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, **extra_env, "DJANGO_SETTINGS_MODULE": "utsopi_site.settings.test"},
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "off"),
        ({"DEEPL_AUTH_KEY": "key:fx"}, "wagtail_localize.machine_translators.deepl.DeepLTranslator"),
        (
            {"LIBRETRANSLATE_URL": "http://127.0.0.1:5000"},
            "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        ),
    ],
)
def test_machine_translation_is_configured_from_the_environment(env, expected):
    assert translator_setting(env) == expected
