"""Writes a translation through wagtail-localize's own records (a translation source, a translation per
language and a string translation per segment), exactly as if a translator had typed it, so translators
find it in their interface and later syncs never put Dutch text back."""

from collections import defaultdict

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


class ContentMismatchError(Exception):
    """A translation file does not line up with the Dutch source."""


def translate_object(source_object, locale, target_object):
    """Make source_object's translation into locale carry target_object's text (a page is left as a draft)."""
    translation_source, _ = TranslationSource.get_or_create_from_instance(source_object)
    Translation.objects.get_or_create(source=translation_source, target_locale=locale, defaults={"enabled": True})
    targets = target_strings(source_object, target_object)
    segments = StringSegment.objects.filter(source=translation_source).select_related("string", "context")
    for segment in segments:
        data = targets.get((segment.context.path, segment.string.data))
        if data is None:
            raise ContentMismatchError(
                f"No {locale.language_code} text for {segment.context.path!r} of {source_object}: "
                f"{segment.string.data!r}"
            )
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": data, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    # Pages are saved as a draft and published by the caller, so nothing waits on a transaction commit.
    return translation_source.create_or_update_translation(locale, publish=not isinstance(source_object, Page))


def target_strings(source_object, target_object):
    """Pairs each source string with the string at the same place in the target, position by position."""
    by_path = defaultdict(list)
    for segment in extract_segments(target_object):
        if isinstance(segment, StringSegmentValue):
            by_path[segment.path].append(segment.string.data)
    pairs = {}
    positions = defaultdict(int)
    for segment in extract_segments(source_object):
        if not isinstance(segment, StringSegmentValue):
            continue
        candidates = by_path.get(segment.path, [])
        position = positions[segment.path]
        if position >= len(candidates):
            raise ContentMismatchError(f"{target_object!r} has fewer strings than the source at {segment.path!r}")
        pairs[(segment.path, segment.string.data)] = candidates[position]
        positions[segment.path] += 1
    return pairs
