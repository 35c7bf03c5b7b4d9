"""The staff groups of the design (§9, Roles) and the review workflow for the pages that speak for the union.

Group names are a public contract. Everything is created with get_or_create, so running this on a
database that already has some of it (Wagtail's own "Editors" group, a group made by hand) changes
only what is missing. Reversing leaves groups and workflow in place, as Wagtail's own data
migrations do: removing them would take people's memberships and the review history with them.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

EDITORS = "Editors"
TRANSLATORS = "Translators"
REVIEWERS = "Reviewers"
MEMBERSHIP_OFFICERS = "Membership officers"

WORKFLOW_NAME = "Review by active members"
TASK_NAME = "Approval by reviewers"

ACCESS_ADMIN = ("wagtailadmin", "access_admin")
SUBMIT_TRANSLATION = ("wagtail_localize", "submit_translation")

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    TRANSLATORS: ["add_page", "change_page"],
    REVIEWERS: ["change_page"],
    MEMBERSHIP_OFFICERS: [],
}

MEDIA_PERMISSIONS = [
    ("wagtailimages", codename) for codename in ["add_image", "change_image", "choose_image", "delete_image"]
] + [
    ("wagtaildocs", codename) for codename in ["add_document", "change_document", "choose_document", "delete_document"]
]

MODEL_PERMISSIONS = {
    EDITORS: [
        ACCESS_ADMIN,
        SUBMIT_TRANSLATION,
        ("home", "add_menu"),
        ("home", "change_menu"),
        ("home", "delete_menu"),
        ("home", "add_footertext"),
        ("home", "change_footertext"),
        ("home", "delete_footertext"),
        ("home", "change_organisationsettings"),
    ],
    TRANSLATORS: [
        ACCESS_ADMIN,
        SUBMIT_TRANSLATION,
        ("home", "change_menu"),
        ("home", "change_footertext"),
    ],
    REVIEWERS: [ACCESS_ADMIN],
    MEMBERSHIP_OFFICERS: [ACCESS_ADMIN],
}

# Permissions these groups must not hold, even if someone granted them before this migration ran:
# nothing about form submissions (members' data) outside the membership officers, no locale
# management for editors, no publishing for translators and reviewers, no pages for officers.
SUBMISSIONS = Q(content_type__app_label="wagtailforms") | Q(
    content_type__app_label="membership", content_type__model__contains="submission"
)
PAGES = Q(content_type__app_label="wagtailcore", content_type__model="page")
FORBIDDEN = {
    EDITORS: SUBMISSIONS | Q(content_type__app_label="wagtailcore", content_type__model="locale"),
    TRANSLATORS: SUBMISSIONS | (PAGES & Q(codename__in=["publish_page", "bulk_delete_page"])),
    REVIEWERS: SUBMISSIONS | (PAGES & Q(codename__in=["publish_page", "bulk_delete_page"])),
    MEMBERSHIP_OFFICERS: PAGES,
}

PERMISSION_APPS = ["wagtailadmin", "wagtailcore", "wagtailimages", "wagtaildocs", "wagtail_localize", "home"]


def ensure_permissions_exist(apps, using):
    """On a fresh database Django only creates model permissions after all migrations (post_migrate)."""
    for label in PERMISSION_APPS:
        app_config = apps.get_app_config(label)
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, verbosity=0, using=using, apps=apps)
        finally:
            app_config.models_module = models_module


def get_permission(permissions, app_label, codename):
    return permissions.get(content_type__app_label=app_label, codename=codename)


def create_groups(apps, using):
    Group = apps.get_model("auth", "Group")
    permissions = apps.get_model("auth", "Permission").objects.using(using)
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")

    root_page = Page.objects.using(using).get(depth=1)
    root_collection = Collection.objects.using(using).get(depth=1)

    groups = {}
    for name in [EDITORS, TRANSLATORS, REVIEWERS, MEMBERSHIP_OFFICERS]:
        group, _ = Group.objects.using(using).get_or_create(name=name)
        groups[name] = group

        group.permissions.remove(*group.permissions.filter(FORBIDDEN[name]))
        GroupPagePermission.objects.using(using).filter(
            group=group, permission__in=permissions.filter(FORBIDDEN[name])
        ).delete()

        group.permissions.add(*[get_permission(permissions, *natural) for natural in MODEL_PERMISSIONS[name]])
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.using(using).get_or_create(
                group=group,
                page=root_page,
                permission=permissions.filter(PAGES).get(codename=codename),
            )

    for natural in MEDIA_PERMISSIONS:
        GroupCollectionPermission.objects.using(using).get_or_create(
            group=groups[EDITORS],
            collection=root_collection,
            permission=get_permission(permissions, *natural),
        )
    return groups


def create_review_workflow(apps, using, reviewers):
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    task_type, _ = ContentType.objects.using(using).get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.using(using).get_or_create(
        name=TASK_NAME, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(reviewers)

    workflow, _ = Workflow.objects.using(using).get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.using(using).get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # Which pages go through it is chosen by staff in the admin; the initial content assigns its own.


def create_roles_and_review_workflow(apps, schema_editor):
    using = schema_editor.connection.alias if schema_editor is not None else "default"
    ensure_permissions_exist(apps, using)
    groups = create_groups(apps, using)
    create_review_workflow(apps, using, groups[REVIEWERS])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RunPython(create_roles_and_review_workflow, migrations.RunPython.noop),
    ]
