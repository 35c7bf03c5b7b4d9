"""History's part of the initial content: the history page and its timeline (a page maker, see
home/initial_content/content.py)."""

from history.models import HistoryPage, TimelineEntry
from home.initial_content.content import stable_id


def history(content):
    data = content["history"]
    entries = [
        TimelineEntry(
            translation_key=stable_id("history", source_entry["key"]),
            sort_order=index,
            date=source_entry["date"],
            precision=source_entry["precision"],
            title=entry["title"],
            text=entry["text"],
            image=content.image if source_entry["image_caption"] else None,
            image_caption=entry["image_caption"],
            image_credit=entry["image_credit"],
        )
        for index, (entry, source_entry) in enumerate(
            zip(data["entries"], content.source["history"]["entries"], strict=True)
        )
    ]
    return HistoryPage(**content.page_fields("history"), intro=data["intro"], timeline_entries=entries)
