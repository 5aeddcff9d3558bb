"""The editor groups of the office and the moderation workflow partners' changes go through.

- "Redaktion" (the office) edits and publishes everything and approves partners' changes.
- "Übersetzung" translates: it edits the pages of every language but German and starts
  translations, but cannot change a German page.
- "Netzwerkpartner – <Name>" (one per partner organisation, see angebote.partner_access)
  edits its own pages; publishing goes through the workflow below.
- "Beratung" (the counsellors) reads and answers the appointment requests (events app); no
  other group sees them.

``manage.py buero_setup_groups`` creates or completes all of this and can be re-run at any time, for
example after a new language got its first translated pages.

The apps take part through Wagtail hooks (registered in their wagtail_hooks.py), so that this
module names none of them: what the office maintains (``EDITOR_MODELS_HOOK``), what the
counsellors may do (``COUNSELLOR_PERMISSIONS``), and which pages a user looks after without
rights on the whole tree (``MANAGED_PAGES``, a partner organisation's pages).
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail import hooks
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Redaktion"
TRANSLATORS = "Übersetzung"
WORKFLOW = "Freigabe durch das Büro"
APPROVAL_TASK = "Prüfung durch die Redaktion"

EDITOR_PAGE_ACTIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
TRANSLATOR_PAGE_ACTIONS = ("add", "change", "publish")
#: Snippets and settings the office maintains (app_label.model).
EDITOR_MODELS = (
    "buero.officesettings",
    "buero.searchsynonym",
    "buero.missedsearch",
    "buero.pagefeedback",
)
#: Hooks return more of them, the apps' own ("app_label.model").
EDITOR_MODELS_HOOK = "buero_editor_models"
#: Hooks return the permissions of the counsellors' group ("app_label.codename").
COUNSELLOR_PERMISSIONS = "buero_counsellor_permissions"
#: Hooks get a user and return the pages that user looks after without rights on the whole
#: tree (a partner organisation's editors: their partner page and the pages it runs).
MANAGED_PAGES = "buero_managed_pages"


def hooked(hook_name, *args):
    """The entries of the lists that hooks registered under ``hook_name`` return."""
    return [entry for hook in hooks.get_hooks(hook_name) for entry in hook(*args)]


def managed_pages(user):
    """The pages ``user`` looks after without rights on the whole tree (``MANAGED_PAGES``)."""
    return hooked(MANAGED_PAGES, user)


def page_permission(action):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant_page_actions(group, page, actions):
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=page_permission(action)
        )


def admin_access():
    return permission("wagtailadmin", "access_admin")


def setup_editors():
    group, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.add(admin_access(), permission("wagtail_localize", "submit_translation"))
    for label in (*EDITOR_MODELS, *hooked(EDITOR_MODELS_HOOK)):
        try:
            model = apps.get_model(label)
        except LookupError:  # an app the host site did not install
            continue
        content_type = ContentType.objects.get_for_model(model)
        group.permissions.add(*Permission.objects.filter(content_type=content_type))
    grant_page_actions(group, Page.get_first_root_node(), EDITOR_PAGE_ACTIONS)
    root_collection = Collection.get_first_root_node()
    for codename in ("add_image", "change_image", "choose_image", "delete_image"):
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root_collection,
            permission=permission("wagtailimages", codename),
        )
    for codename in ("add_document", "change_document", "choose_document", "delete_document"):
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root_collection,
            permission=permission("wagtaildocs", codename),
        )
    return group


def translated_roots():
    """The site roots of every language but German: where translators may work."""
    default = Locale.get_default()
    roots = Page.objects.filter(depth=2).exclude(locale=default)
    german_roots = Page.objects.filter(depth=2, locale=default).values("translation_key")
    return roots.filter(translation_key__in=german_roots)


def setup_translators():
    group, _ = Group.objects.get_or_create(name=TRANSLATORS)
    group.permissions.add(admin_access(), permission("wagtail_localize", "submit_translation"))
    for root in translated_roots():
        grant_page_actions(group, root, TRANSLATOR_PAGE_ACTIONS)
    return group


def setup_workflow(editors):
    """Partners' changes wait for the office: one approval task for the Redaktion group."""
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK)
    task.groups.add(editors)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # Replaces Wagtail's initial "Moderators approval" on the root, so it holds for every page.
    WorkflowPage.objects.update_or_create(
        page=Page.get_first_root_node(), defaults={"workflow": workflow}
    )
    return workflow


COUNSELLORS = "Beratung"


def setup_counsellors():
    """The group that sees appointment requests: view, change (the status) and delete; its
    members log in with a second factor ("enable_2fa")."""
    group, _ = Group.objects.get_or_create(name=COUNSELLORS)
    group.permissions.add(admin_access(), permission("wagtailadmin", "enable_2fa"))
    for name in hooked(COUNSELLOR_PERMISSIONS):
        app_label, codename = name.split(".")
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        )
    return group


def setup_groups():
    editors = setup_editors()
    translators = setup_translators()
    workflow = setup_workflow(editors)
    setup_counsellors()
    return editors, translators, workflow
