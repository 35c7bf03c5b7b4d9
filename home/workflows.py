def publish_approved_page(workflow_state, user=None):
    """Publish once the review workflow is approved.

    Reviewers (active members) approve; that approval is the permission to publish, so they need no
    publishing right of their own. Wagtail's default action would check the approver's publish right.
    """
    workflow_state.content_object.get_latest_revision().publish(user=user, skip_permission_checks=True)
