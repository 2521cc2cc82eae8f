"""Analysts correct the machine, and the machine tells them what changed (issue 17).

The partner export (``ocwatch export socta``) is ``ocwatch.report.socta``: it
reads the report's own findings, and this room sits on the report's floor.

The API the workbench (ocwatch.web) and ``ocwatch feedback|alerts|export`` call;
paths come from ``ocwatch.settings.Settings`` (``feedback_log``, ``alerts_db``,
``warehouse``, ``exports``):

- ``store``: ``mark_mention``, ``mark_link``, ``merge_actor``, ``promote_actor``,
  ``correct_place``, ``propose_grade``, ``review_grade``, ``undo`` (one function an act, each
  returning the stored act or raising ``acts.FeedbackError`` naming the field),
  ``list_acts``, ``review``, ``export_acts``, ``import_acts``.
- ``curate.curate``: promotions, merges and place corrections into reference/*_feedback.csv.
- ``watches``: ``set_user``, ``users``, ``add_watch``, ``watches``,
  ``remove_watch``, ``deliveries`` (a user's digests and their outcome), ``sent_log``.
- ``alerts.send_alerts``, ``digest.matches`` (what a watch catches in a
  build), ``digest.workbench_link`` (the workbench paths digests link to).
"""
