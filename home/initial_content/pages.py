"""Home's own part of the initial content: the home page, the mission, what we do, the FAQ and the page about
the quick exit. Page makers (see content.py), listed in settings.INITIAL_CONTENT_PAGES."""

from home.initial_content.content import stable_id, stream
from home.models import ContentPage, FaqPage, HomePage, MissionPage


def home(content, with_links=True):
    """The home page; its calls to action and highlights lead to pages made after it (with_links once they exist)."""
    data = content["home"]
    page = HomePage(
        title=data["title"],
        slug=f"home-{content.language}",
        search_description=data["search_description"],
        purpose=data["purpose"],
        intro=data["intro"],
    )
    if with_links:
        page.calls_to_action = linked_blocks(content, "calls_to_action", "call_to_action", ["label", "text"])
        page.highlights = linked_blocks(content, "highlights", "highlight", ["heading", "text"])
    return page


def linked_blocks(content, field, block_type, text_fields):
    items = content["home"][field]
    values = [
        {"page": content.page_ids[item["target"]], **{name: item[name] for name in text_fields}} for item in items
    ]
    return stream(("home", field), block_type, values)


def mission(content):
    return MissionPage(
        **content.page_fields("mission"), intro=content["mission"]["intro"], body=content.sections("mission")
    )


def what_we_do(content):
    return ContentPage(
        **content.page_fields("what_we_do"), intro=content["what_we_do"]["intro"], body=content.sections("what_we_do")
    )


def faq(content):
    groups = [
        {
            "heading": group["heading"],
            "questions": stream(
                ("faq", group["key"]),
                "item",
                [{"question": item["question"], "answer": item["answer"]} for item in group["questions"]],
            ),
        }
        for group in content["faq"]["sections"]
    ]
    return FaqPage(
        **content.page_fields("faq"),
        intro=content["faq"]["intro"],
        sections=stream(("faq", "sections"), "question_section", groups),
    )


def safe_browsing(content):
    """What the quick exit does and does not do; chosen as the safer-browsing page of the settings (site.py)."""
    return ContentPage(
        **content.page_fields("safe_browsing"),
        translation_key=stable_id("page", "safe_browsing"),
        intro=content["safe_browsing"]["intro"],
        body=content.sections("safe_browsing"),
    )
