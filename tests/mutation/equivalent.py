"""Mutants of the outer modules that cannot change what anyone sees, each with its reason.

A row is (module, the function the mutant is in, the mutation as `outer` names it): it still
applies when lines move; when the function changes, look at the row again.
"""

from __future__ import annotations

# A retry loop's backoff growing faster or slower changes only when the same tries happen.
GROWTH = (
    "the retries' spacing grows by 3 instead of 2 (up to the same MAX_BACKOFF): the same tries, "
    "at other moments; what is answered and stored is the same (latency is measured by the "
    "benchmarks, not pinned by end-to-end tests)"
)

GROUP_COMMIT = (
    "only how marks are grouped: without the flag (or the pause that lets other chats join) "
    "each finishing worker writes its own batch; the same updates are marked, each chat's next "
    "update still waits for its own mark"
)

# The clarification's options and its deadline are one value kept in two columns.
CLARIFY_TOGETHER = (
    "user.clarify and user.clarify_until are only ever written together (said._clarify sets "
    "both; said._take_clarification and intents.tapped clear both), and "
    "migration 0013 added both as NULL: the condition can differ only when both are None, "
    "where setting None again stores nothing new"
)

TEST_HOOK = (
    "stop_polling and stop_handling (and _cancel under them) are called only by the tests, "
    "to play another process taking over; the bot (bot/__main__), play and the bench never "
    "call them, so nothing a person sees can change"
)

# How far back the daily prompt outbox looks for a person's last prompt.
PROMPT_LOOK_BACK = (
    "the last prompt found is read only by pacing.prompt_today, which sends when none is found "
    "or when it is at least gap_days (at most pacing.WEEKLY = 7) days back; the window differs "
    "only on dates 7 or more days before each person's own date (the window starts from the "
    "batch's earliest date, never later than theirs): such a date, found or not, means the "
    "prompt goes out either way"
)

# Which texts a plan tries to keep first when it must be trimmed (planning._rank): the order of
# keys with equal rank is their order in the plan (a stable sort).
RANK_ORDER = (
    "the texts are tried in the plan's own order wherever ranks tie (sorted is stable): "
    "content_keys is movement, tip, encouragement, then extras (flare options, the explainer, "
    "then nudges in _add_notes' order, safety follow-ups first), so this tie or gap puts "
    "nothing before a text it came after: the same texts are kept"
)

# A person's updated_at: the bot writes it on each change, nothing reads it.
UPDATED_AT = (
    "updated_at is written on every change and read nowhere (no query, view, export or job "
    "reads it)"
)

# end() on a group the bot is not in: never met, whatever the backend.
END_GROUP_GONE = (
    "differs only for a group row that is missing or inactive: group rows are never "
    "deleted, and remove_group, the only place a group turns inactive, ends its running "
    "challenges in the same transaction. end's callers hold a challenge read as running: "
    "_summary claims it FOR UPDATE (so on PostgreSQL remove_group, which updates that row, "
    "cannot commit before it) and has read the group before, which end's get then finds "
    "in the session; groups._end_early loaded the group itself. test_group_property.py "
    "checks after every action that no running challenge is in a group the bot left"
)

EQUIVALENT: dict[tuple[str, str, str], str] = {
    ("bot/logs.py", "configure", "return None instead of handler"):
        "the bot's one caller (bot/__main__) ignores the handler; it is returned only so that "
        "a test can take it off the root logger again: nothing logged changes",
    ("bot/telegram/runtime.py", "start",
     "left out: self.warming = asyncio.get_running_loop().run_in_executor(No"):
        "the zone data is always in already: build_services (which makes the Services every "
        "Runtime reads) calls zonedata.load() before a Runtime exists, so this load returns at "
        "once; `warming` is read only by the benchmark worker, which skips it when None",
    ("bot/telegram/runtime.py", "stop",
     "left out: await asyncio.gather(*self._tasks, return_exceptions=True)"):
        "it only awaits the loops cancelled just above (past the grace); every later step "
        "(awaiting the chat workers, PTB's stop and shutdown) awaits too, so they finish "
        "their cancellation meanwhile, at the same await points: nothing sent or stored changes",
    ("bot/telegram/runtime.py", "stop",
     "left out: await asyncio.gather(*workers, return_exceptions=True)"):
        "the workers are cancelled just above either way; PTB's stop and shutdown that follow "
        "await, so the cancellation lands at the same await point in each worker (its claim "
        "is taken up again after the lease): nothing sent or stored changes",
    ("bot/telegram/runtime.py", "stop", "left out: await self.app.shutdown()"):
        "with no Updater and no persistence, PTB's shutdown only closes the bot's HTTP "
        "sessions to Telegram (the database is closed by post_shutdown, run after it); the "
        "process exits right after stop(), closing them, and only aiohttp's 'Unclosed client "
        "session' log line would tell",
    ("bot/telegram/runtime.py", "_chat_worker", "2 -> 3"):
        GROWTH,
    ("bot/telegram/runtime.py", "_record", "2 -> 3"):
        GROWTH,
    ("bot/telegram/runtime.py", "_handle_loop", "2 -> 3"):
        GROWTH,
    ("bot/telegram/runtime.py", "_poll_loop", "2 -> 3"):
        GROWTH,
    ("bot/telegram/runtime.py", "_record", "1 -> 2"):
        "the count goes only to on_skip, which only the test harness's handled counter "
        "passes (bot/__main__, play and the bench give none): nothing sent or stored changes",
    ("bot/telegram/runtime.py", "_mark_handled", "left out: self._marking = True"):
        GROUP_COMMIT,
    ("bot/telegram/runtime.py", "_mark_handled", "True -> False"): GROUP_COMMIT,
    ("bot/telegram/runtime.py", "_mark_handled", "left out: await asyncio.sleep(0)"):
        GROUP_COMMIT,
    ("bot/telegram/runtime.py", "_mark_handled", "continue -> break"):
        "after a failed write the loop stops with marks that arrived meanwhile still queued; "
        "every chat of the failed batch retries its mark after its backoff (_record), which "
        "writes those too: the same marks, a moment later",
    ("bot/telegram/runtime.py", "_catch_up", "1 -> 2"):
        "the first element of str.split(maxsplit=n) is the first word whatever n is",
    ("bot/telegram/runtime.py", "_handle_loop", "> -> >= (loop.time() - last_prune)"):
        "only at the exact instant the loop's clock reads PRUNE_EVERY after the last prune, "
        "the next check (a second later) prunes instead",
    ("bot/telegram/runtime.py", "_poll_loop", "left out: self._storing = True"):
        "stopping then also cuts a store short; what was fetched was not confirmed (the offset "
        "moves only after storing), so Telegram sends it again to the next start, and what did "
        "get stored is ignored as a duplicate: nothing is lost or answered twice",
    ("bot/telegram/runtime.py", "_poll_loop", "True -> False"):
        "stopping then also cuts a store short; what was fetched was not confirmed (the offset "
        "moves only after storing), so Telegram sends it again to the next start, and what did "
        "get stored is ignored as a duplicate: nothing is lost or answered twice",
    ("bot/telegram/runtime.py", "_poll_loop", "and -> or (isinstance(raw, list))"):
        "reached only when nothing usable came: getUpdates answers a JSON array, and for an "
        "empty one (or a non-list, iterated to no dicts) the offset computed is the offset kept",
    ("bot/telegram/runtime.py", "stop_handling", "left out: await self._cancel('inbox-handler')"):
        TEST_HOOK,
    ("bot/telegram/runtime.py", "_cancel", "== -> != (t.get_name())"): TEST_HOOK,
    ("bot/telegram/runtime.py", "_cancel",
     "left out: await asyncio.gather(task, return_exceptions=True)"): TEST_HOOK,
    ("bot/telegram/runtime.py", "_too_deep", "return None instead of False"):
        "its one caller (_update_from) only tests it for truth; None and False are both false",
    ("bot/telegram/runtime.py", "_claim", "> -> >= (room)"):
        "room is never below 0 (a claim takes at most room), and a claim with no room asks "
        "the database for no rows (LIMIT 0): nothing is claimed either way",
    ("bot/telegram/delivery.py", "later", "left out: await deliver_effects(bot, None, [effect])"):
        "every caller of `later` is a handler, run inside DeliveringApplication.process_update, "
        "which always collects; the branch for a job or a script has no caller",
    ("bot/telegram/delivery.py", "_failed", "return None instead of Delivered(Outcome.SENT)"):
        "never reached: the bot's transport (bot/telegram/transport.py) turns Telegram's "
        "'message is not modified' into a success before PTB raises (the edge is pinned by "
        "test_buttons_telegram_calls_not_modified_are_gone_and_the_answer_comes)",
    ("bot/telegram/delivery.py", "edit", "False -> True"):
        "only the rate limiter's lane: the same edit goes out, at worst later during a fan-out "
        "(latency is measured by the benchmarks, not pinned by end-to-end tests)",
    ("bot/telegram/jobs/weekly.py", "send_weekly", "return None instead of Outcome.GONE"):
        "its one caller (_record) treats every outcome but sent, maybe and blocked alike (not "
        "sent, a warning logged), and None is such an outcome",
    ("bot/telegram/jobs/weekly.py", "_record", "and -> or (outcome is not Outcome.SENT)"):
        "the condition only decides whether a warning is logged",
    ("bot/telegram/jobs/weekly.py", "_record", "is not -> is (outcome)"):
        "(both comparisons of the warning's condition) it only decides whether a warning is "
        "logged",
    ("bot/telegram/handlers/groups.py", "on_my_member", "or -> and (chat.title)"):
        "the title stored when the bot is added is shown nowhere before a challenge, and "
        "/challenge stores the chat's current title again (db.ensure_group keeps it current)",
    ("bot/telegram/handlers/groups.py", "on_my_member",
     "left out: await set_group_commands(context.bot, services)"):
        "the same menu, for all group chats at once, is set at every start (app._post_init); "
        "setting it again when the bot is added to one group changes nothing Telegram shows",
    ("bot/telegram/handlers/groups.py", "challenge_command", "or -> and (tg_user is None)"):
        "a command in a group always has both a chat and a sender (an anonymous admin's is "
        "Telegram's GroupAnonymousBot): the check only narrows the types",
    ("bot/telegram/handlers/groups.py", "on_setup_button", "or -> and (query is None)"):
        "registered (bot/app.py) for callback queries whose data start with its prefix, or for "
        "text replies in groups: the query or message, its data or text and its sender are "
        "always there, and the check only narrows the types",
    ("bot/telegram/handlers/groups.py", "on_setup_reply", "or -> and (message is None)"):
        "registered (bot/app.py) for callback queries whose data start with its prefix, or for "
        "text replies in groups: the query or message, its data or text and its sender are "
        "always there, and the check only narrows the types",
    ("bot/telegram/handlers/groups.py", "on_button", "or -> and (query is None)"):
        "registered (bot/app.py) for callback queries whose data start with its prefix, or for "
        "text replies in groups: the query or message, its data or text and its sender are "
        "always there, and the check only narrows the types",
    ("bot/telegram/handlers/groups.py", "may_end", "return None instead of False"):
        "its callers (usecases.groups: ending early, closing the chooser) only test it for truth; "
        "None and False are both false",
    ("bot/telegram/handlers/groups.py", "_button_of", "return None instead of False"):
        "its one caller only tests it for truth; None and False are both false",
    ("bot/telegram/handlers/groups.py", "leave_command", "or -> and (tg_user is None)"):
        "a command in a group, or /start in a private chat, always has a chat and a sender (an "
        "anonymous admin's is Telegram's GroupAnonymousBot): the check only narrows the types",
    ("bot/telegram/handlers/groups.py", "start_from_link", "or -> and (tg_user is None)"):
        "a command in a group, or /start in a private chat, always has a chat and a sender (an "
        "anonymous admin's is Telegram's GroupAnonymousBot): the check only narrows the types",
    ("bot/usecases/commands.py", "paused", "left out: user.updated_at = services.clock.now()"):
        "updated_at is written on every change and read nowhere (no query, view, export or "
        "job reads it)",
    ("bot/usecases/commands.py", "resume", "left out: user.updated_at = services.clock.now()"):
        "updated_at is written on every change and read nowhere (no query, view, export or "
        "job reads it)",
    ("bot/usecases/commands.py", "cancel", "left out: user.updated_at = services.clock.now()"):
        "updated_at is written on every change and read nowhere (no query, view, export or "
        "job reads it)",
    ("bot/usecases/commands.py", "resume", "0 -> 1"):
        "(`unanswered_prompts or 0`; the `= 0` below is killed by the tests) only read when the "
        "count is 0 or None, and prompts back "
        "off after three unanswered (pacing.BACK_OFF_AFTER): 0 and 1 both read 'not backed off'",
    ("bot/telegram/jobs/challenges.py", "_post", "and -> or (done.ok)"):
        "(line `done.ok and done.message_id is not None`) delivery gives a message id only "
        "with a sent message, so `ok` and having an id are the same thing there",
    ("bot/telegram/jobs/challenges.py", "_post", "False -> True"):
        "(both: the post after a move, the fresh post after 'gone') the post has no message id, "
        "so 'gone' cannot apply again; it could move only if the group migrated in the moment "
        "between the failed edit and this send, and a supergroup never migrates again",
    ("bot/telegram/jobs/challenges.py", "_post", "and -> or (again)"):
        "differs only when the first send of a card (no message id yet) is refused as 'not "
        "found': the mutant tries the same send once more, refused the same way; nothing is "
        "shown or stored either way",
    ("bot/telegram/jobs/challenges.py", "_send", "False -> True"):
        "the summary re-sent to the supergroup after a move cannot be moved again (a "
        "supergroup never migrates), so `again` is never read in that call",
    ("bot/telegram/jobs/challenges.py", "_send", "and -> or (item.challenge_id is not None)"):
        "a challenge id and a day are set together, only on day summaries (usecases.challenges "
        "_summary and _summary_again), so either test says the same",
    ("bot/usecases/checkin.py", "begin", "left out: user.dialog = None"):
        "after 'already done', a dialog left open finds no open question on the next text and "
        "closes then, with the same reply (test_after_checkin_again_on_a_done_day_...)",
    ("bot/usecases/checkin.py", "start_today", "False -> True"):
        "(the `_shown(replies, tap=False)` of /checkin; its `_not_set_up(..., tap=False)` is "
        "killed) a command has no tapped message, so handlers.common.show delivers the `edit` "
        "through edit_or_send, which sends it as a new message before the `sends`: the same "
        "messages in the same order",
    ("bot/usecases/checkin.py", "answer_tap", "False -> True"):
        "(the in_a_challenge of the stand-in for nobody found) when person_at finds no one, "
        "user is None and the start hint is returned on the next line, before in_a_challenge "
        "is read",
    ("bot/usecases/people.py", "blocked", "0 -> 1"):
        "when nobody is named its one caller (delivery.mark_inactive) logs '1 people blocked' "
        "instead of nothing: a count in a log line, nothing stored or sent",
    ("bot/usecases/people.py", "blocked", "return None instead of len(users | chats)"):
        "its one caller only logs the count: that line is left out, and the people are marked "
        "inactive all the same (the update is committed before the return)",
    ("bot/usecases/people.py", "blocked", "return None instead of 0"):
        "its one caller (delivery.mark_inactive) only logs a count that is truthy; None and 0 "
        "are both falsy, and nothing was named, so nothing is stored either way",
    ("bot/telegram/handlers/messages.py", "text", "or -> and (message is None)"):
        "the handler is registered with filters.TEXT in private chats, so a message with text "
        "and a sender is always there: the guard only narrows types",
    ("bot/telegram/handlers/messages.py", "private_buttons_only", "1 -> 2"):
        "the first element of str.split(SEP, n) is the text before the first SEP whatever n is",
    ("bot/usecases/days.py", "days_of", "left out: out[user.id] = []"):
        "a member with no day in the span is read by group_statuses, whose callers look them "
        "up with .get(id, {}) (an absent member and an empty one are the same tally); the "
        "one-person `days` always reads up to the person's own local today, never before the "
        "day they joined, so it never meets this branch",
    ("bot/usecases/challenges.py", "_digest", "True -> False"):
        "(sort_keys) PTB's to_dict gives a markup's keys in a fixed order, so the same buttons "
        "dump the same with or without sorting; a digest is only compared with one this "
        "function made (challenge.shown)",
    ("bot/usecases/challenges.py", "settle", "and -> or (s.ledger is not None)"):
        "a Send has both an outbox record class and its id (_summary, _summary_again, _nudges, "
        "_nudge_again) or neither (the goodbyes, the end summary, groups._joined_note), so "
        "either test picks the same items",
    ("bot/usecases/challenges.py", "settle", "and -> or (item.ledger is not None)"):
        "an assert on the items picked just above, which have both set: it holds either way",
    ("bot/usecases/challenges.py", "migrate", "return None instead of False"):
        "groups.moved tests `not migrate(...)`, where None and False are alike; jobs._post and "
        "jobs._send ignore the result",
    ("bot/usecases/challenges.py", "migrate", "left out: group.updated_at = services.clock.now()"):
        "updated_at is written on every change and read nowhere (no query, view, export or "
        "job reads it)",
    ("bot/usecases/challenges.py", "remove_group", "left out: group.updated_at = now"):
        "updated_at is written on every change and read nowhere (no query, view, export or "
        "job reads it)",
    ("bot/usecases/challenges.py", "_close", "left out: challenge.updated_at = now"):
        "updated_at is written on every change and read nowhere (no query, view, export or "
        "job reads it)",
    ("bot/usecases/challenges.py", "_close", "left out: challenge.ended_at = now"):
        "ended_at is written once and read nowhere (no query, view, export or job reads it); "
        "the status and end_reason written with it say that the challenge ended",
    ("bot/usecases/challenges.py", "refresh", "or -> and (group is None)"):
        "differs only for a group row that is missing or inactive: group rows are never "
        "deleted, and a group turns inactive only in remove_group, which ends its running "
        "challenges and cancels its drafts in the same transaction. Every caller reaches "
        "refresh with a challenge it read in that transaction as running (taps, /leave, the "
        "link, moved, end), as a draft being set up (_setup_step), or, in _claim_refreshes, "
        "joined to a group the bot is in. SQLite transactions are serializable (a write on a "
        "stale snapshot fails, and nothing is sent before the commit), so there the group read "
        "after is always active. test_group_property.py checks after every action that no "
        "running or set-up challenge is in a group the bot left and that nothing is sent "
        "there. On PostgreSQL a removal committed between a transaction's two reads could "
        "reach it; the guard is kept for that window, which no test can hold open",
    ("bot/usecases/challenges.py", "end", "or -> and (group is None)"):
        END_GROUP_GONE,
    ("bot/usecases/challenges.py", "end", "return None instead of []"):
        "(the early return for a group the bot is not in) " + END_GROUP_GONE,
    ("bot/usecases/challenges.py", "migrate", "True -> False"):
        "(for_update; the other `True -> False` here, the stale flag, is killed) the mutation "
        "run is on SQLite, which emits no FOR UPDATE at all: nothing changes there. On "
        "PostgreSQL the mutant is killed by test_groups.py's "
        "test_a_supergroup_gets_every_running_challenge_at_once and test_outer_edges.py's "
        "test_a_migration_message_seen_again_changes_nothing_on_the_card (run with "
        "TEST_DATABASE_URL): Telegram's two migration messages, one in each chat, are handled "
        "side by side, and without the lock both follow the move and post the card twice",
    ("bot/usecases/challenges.py", "_claim_refreshes", "True -> False"):
        "(skip_locked; the other `True -> False` here, on the stale flag and the group's "
        "`active`, are killed) the mutation run is on SQLite, which emits no FOR UPDATE at "
        "all: nothing changes there. On PostgreSQL the mutant is killed by test_outboxes.py's "
        "test_a_card_another_replica_is_claiming_is_left_to_it_not_waited_for (run with "
        "TEST_DATABASE_URL): without SKIP LOCKED the job waits for every card another replica "
        "holds, so one stalled claim holds up every group's card",
    ("bot/usecases/progress.py", "weekly_tap", "and -> or (tapped.action == 'day')"):
        "every WeeklyTap comes from WeeklyTap.read (or the buttons weekly_settings draws), "
        "which gives a weekday to a \"day\" tap always and to no other: both halves are true "
        "together or false together",
    ("bot/usecases/progress.py", "weekly_tap", "and -> or (tapped.action == 'time')"):
        "every WeeklyTap comes from WeeklyTap.read (or the buttons weekly_settings draws), "
        "which gives a time to a \"time\" tap always and to no other: both halves are true "
        "together or false together",
    ("bot/usecases/progress.py", "weekly_tap", "left out: user.updated_at = services.clock.now()"):
        "updated_at is written on every change and read nowhere (no query, view, export or "
        "job reads it)",
    ("bot/usecases/weekly.py", "claim_weekly", "True -> False"):
        "(skip_locked; the `True -> False` on weekly_enabled, onboarded and active are killed) "
        "the mutation run is on SQLite, which emits no FOR UPDATE at all: nothing changes "
        "there. On PostgreSQL the mutant is killed by test_outboxes.py's "
        "test_a_weekly_summary_another_replica_is_claiming_is_left_to_it_not_waited_for (run "
        "with TEST_DATABASE_URL): without SKIP LOCKED the job waits for every person another "
        "replica holds, so one stalled claim holds up everyone's summary",
    ("bot/usecases/challenges.py", "_claim_due", "True -> False"):
        "(skip_locked) the mutation run is on SQLite, which emits no FOR UPDATE at all: "
        "nothing changes there. On PostgreSQL the mutant is killed by test_outboxes.py's "
        "test_a_days_summary_another_replica_is_claiming_is_left_to_it_not_waited_for and "
        "test_a_nudge_another_replica_is_claiming_is_left_to_it_not_waited_for (run with "
        "TEST_DATABASE_URL): without SKIP LOCKED the job waits for every challenge another "
        "replica holds, so one stalled claim holds up every group's summary and nudges",
    ("bot/usecases/challenges.py", "_summary", "True -> False"):
        "(bulk=True) only the rate limiter's lane: the same message goes out, at worst sooner "
        "or later during a fan-out (latency is measured by the benchmarks, not pinned by "
        "end-to-end tests)",
    ("bot/usecases/challenges.py", "_summary_again", "True -> False"):
        "(bulk=True) only the rate limiter's lane: the same message goes out, at worst sooner "
        "or later during a fan-out (latency is measured by the benchmarks, not pinned by "
        "end-to-end tests)",
    ("bot/usecases/challenges.py", "_nudge_again", "True -> False"):
        "(bulk=True) only the rate limiter's lane: the same message goes out, at worst sooner "
        "or later during a fan-out (latency is measured by the benchmarks, not pinned by "
        "end-to-end tests)",
    ("bot/usecases/challenges.py", "_nudges", "True -> False"):
        "(zip strict) roster builds both lists from the same members in one pass, so they "
        "always have the same length: strict only checks that. (bulk=True, the same text) "
        "only the rate limiter's lane: the nudge goes out, at worst sooner or later during a "
        "fan-out",
    ("bot/usecases/privacy.py", "token_matches", "return None instead of False"):
        "(both early returns) its one caller, delete_everything, reads it as `if not "
        "token_matches(...)`, where None and False are the same refusal",
    ("bot/usecases/privacy.py", "erase",
     "left out: await session.execute(delete(table).where(column == user_id)"):
        "every column that points at a person is ON DELETE CASCADE, enforced on SQLite "
        "(PRAGMA foreign_keys=ON in bot/db/session.py) and on PostgreSQL, so the User row's "
        "delete just after removes the same rows in the same transaction (the counts are "
        "read before either); the explicit delete is kept for a future table without CASCADE",
    ("bot/usecases/said.py", "waiting", "is not -> is (asked)"):
        "REFLECTION is last in PRECEDENCE and READERS sends it and None (nothing open) to the "
        "same reader, _everyday, which reads said.asked itself; the only other reads of the "
        "kind (_read's `is not Open.CHECKIN`, not_text's CHECKIN and SETUP) never see it: the "
        "same reply and the same stored data either way",
    ("bot/usecases/said.py", "_take_clarification", "is not -> is (user.clarify)"):
        CLARIFY_TOGETHER,
    ("bot/usecases/said.py", "_take_clarification", "or -> and (user.clarify is not None)"):
        CLARIFY_TOGETHER,
    ("bot/usecases/said.py", "_take_clarification", "is not -> is (user.clarify_until)"):
        CLARIFY_TOGETHER,
    ("bot/usecases/challenges.py", "_nudges", "left out: await session.flush()"):
        "the plan query in _nudge_text (history.get_plan, always a SELECT), run before the Send "
        "is built, flushes the new record first (autoflush), so record.id is set either way",
    ("bot/usecases/challenges.py", "_nudges", "< -> <= (min(waits))"):
        "a wait ending exactly at the day's summary brings the day's nudges back at that "
        "instant, where they are late (now >= the summary) and go to nobody; the outbox then "
        "moves on to the next day's nudges, as it already had",
    ("bot/usecases/challenges.py", "tally_later", "> -> >= (challenge.refresh_at)"):
        "differs only when refresh_at already equals the next tally time, and then it writes "
        "that same instant again",
    ("bot/usecases/safety.py", "screen", "and -> or (user is not None)"):
        "open_stage gives None for no person, and with no stage open step(None, ...) finds no "
        "row in the conversation table (every key has a stage), so its reply is None and "
        "nothing is stored: the message goes on to the red-flag scan as before",
    ("bot/usecases/safety.py", "_record", "left out: fresh.updated_at = now"):
        "updated_at is written on every change and read nowhere (no query, view, export or "
        "job reads it)",
    ("bot/usecases/safety.py", "_move_on", "left out: fresh.updated_at = now"):
        "updated_at is written on every change and read nowhere (no query, view, export or "
        "job reads it)",
    ("bot/usecases/safety.py", "_listen", "left out: fresh.updated_at = now"):
        "updated_at is written on every change and read nowhere (no query, view, export or "
        "job reads it)",
    ("bot/usecases/reflections.py", "answer", "left out: row.updated_at = services.clock.now()"):
        "updated_at is written on every change and read nowhere (no query, view, export or "
        "job reads it)",
    ("bot/usecases/plan.py", "log_typed", "left out: row.updated_at = services.clock.now()"):
        "updated_at is written on every change and read nowhere (no query, view, export or "
        "job reads it)",
    ("bot/usecases/plan.py", "_tap", "left out: row.updated_at = services.clock.now()"):
        "updated_at is written on every change and read nowhere (no query, view, export or "
        "job reads it)",
    ("bot/usecases/plan.py", "_tap", "return None instead of Answer()"):
        "never reached: plan.tap's one caller (handlers/plan.on_button) passes a parsed PlanTap, "
        "whose action is done, why, cue or opt (callbacks.PLAN_ACTIONS), each answered above",
    ("bot/usecases/plan.py", "_cue_saved", "left out: user.updated_at = services.clock.now()"):
        "updated_at is written on every change and read nowhere (no query, view, export or "
        "job reads it)",
    ("bot/usecases/reflections.py", "reflection", "left out: await session.flush()"):
        "the sessions autoflush (bot/db/session.py keeps SQLAlchemy's default): the next "
        "select of the same unit of work, the second reflection() for the monthly row, or "
        "the commit writes the new row first, and nothing reads its id before that",
    ("bot/usecases/reflections.py", "open_question", "1 -> 2"):
        "session.scalar takes the first row of the newest-first ordering, so a limit of two "
        "returns the same date",
    ("bot/usecases/reports.py", "load_trends", "7 -> 8"):
        "reading more days before the period changes nothing: clinician.trends_of keeps only "
        "the latest plan before the period (its starting level), and clips the days, the "
        "reflections and the notes to the period itself",
    ("bot/usecases/reports.py", "load_trends", "1 -> 2"):
        "reading one more day before the period changes nothing: clinician.trends_of keeps only "
        "the latest plan before the period (its starting level), and clips the days, the "
        "reflections and the notes to the period itself",
    ("bot/usecases/reflections.py", "tapped", "0 -> 1"):
        "the Asked built for a tap only carries its day, kind and field into answer(), which "
        "reads nothing else of it; its top (the 0 here) is read only where buttons are drawn",
    ("bot/telegram/handlers/safety.py", "_private", "return None instead of False"):
        "its one caller, in_group, only reads it as `if not sent`, where None and False are "
        "the same refusal (the group gets the neutral word)",
    ("bot/usecases/prompts.py", "claim_due", "True -> False"):
        "(skip_locked; the `True -> False` on active and onboarded are killed) the mutation "
        "run is on SQLite, which emits no FOR UPDATE at all: nothing changes there. On "
        "PostgreSQL the mutant is killed by test_daily_prompt.py's "
        "test_a_person_another_replica_is_claiming_is_left_to_it_not_waited_for (run with "
        "TEST_DATABASE_URL): without SKIP LOCKED a replica waits for every row another one "
        "holds, so one stalled claim holds up everyone's prompt",
    ("bot/usecases/prompts.py", "claim_due", "return None instead of claims"):
        "(the early return, when nobody in the batch is due today; the final `return claims` "
        "is killed) its one caller, jobs.daily.run_due, reads the result only as `while "
        "claims:`, where None and [] both end the pass; the due times moved on in the batch "
        "are committed either way, as the return leaves the transaction normally",
    ("bot/usecases/prompts.py", "claim_due", "0 -> 1"):
        "(`unanswered = user.unanswered_prompts or 0`; the `attempts=0` of a new prompt record "
        "is killed) the 1 is read only when the count is 0 or None, and only by prompt_due "
        "(pacing.gap_days: daily below BACK_OFF_AFTER = 3) and announce_back_off (== 3): 0 and "
        "1 both mean a daily prompt with no back-off notice; the stored count is counted up "
        "from the column itself (record), never from this local",
    ("bot/usecases/share.py", "stop", "0 -> 1"):
        "(getattr's default; the `or 0` after it is killed by the tests) an UPDATE run through "
        "session.execute gives a CursorResult, which always has a rowcount (set by the "
        "project's SQLite driver and by asyncpg): the default is never read",
    ("bot/usecases/share.py", "create", "or -> and (days not in DAY_CHOICES)"):
        "neither half is ever true: command passes the defaults, and tap passes a ShareTap's "
        "value (ShareTap.read lets through only 1, 14 or 30 days and 4 or 12 weeks, the same "
        "as DAY_CHOICES and SPANS) or the working link's own, whose days are rounded and "
        "replaced by the default when not a choice, and whose weeks only create wrote",
    ("bot/usecases/share.py", "create", "left out: await session.flush()"):
        "the link's fields the reply reads (expires_at, created_at, weeks, notes) are set in "
        "Python, and nothing reads its id; command and tap run no query after create, so "
        "the commit at the end of the same unit of work writes the row either way",
    ("bot/usecases/prompts.py", "_last_prompt_days", "+ -> -"): PROMPT_LOOK_BACK,
    ("bot/usecases/prompts.py", "_last_prompt_days", "1 -> 2"): PROMPT_LOOK_BACK,
    ("bot/usecases/prompts.py", "_last_prompt_days", ">= -> > (PromptSent.local_date)"):
        PROMPT_LOOK_BACK,
    ("bot/usecases/prompts.py", "_before", "< -> <= (d)"):
        "it differs only when the person's own date is among the dates, i.e. that date's prompt "
        "record is there and sent (_last_prompt_days reads only sent ones); claim_due reads "
        "the same record in the same transaction, and prompt_due refuses a date with a sent "
        "record before it looks at the last prompt",
    ("bot/usecases/prompts.py", "record", "return None instead of lags"):
        "(the early return for no results; the final `return lags` is killed) never reached: "
        "its one caller, jobs.daily.run_due, passes the results of sending a batch it only "
        "sends when it claimed someone, one result per claim, so the list is never empty",
    ("bot/usecases/prompts.py", "record", "left out: sent.message_id = message_id"):
        "a prompt record's message_id is written here only and read nowhere (no query, view, "
        "export or job reads it; erasure deletes the row whatever it holds)",
    ("bot/usecases/prompts.py", "recover_stale", "return None instead of len(stale)"):
        "its one caller, jobs.daily.run_due, ignores the count (the warning above is logged "
        "from len(stale) itself); the claims are handed back in the committed transaction "
        "either way",
    ("bot/usecases/planning.py", "person_activities_of", "0 -> 1"):
        "the Profile is built only for person_activities, which reads its activities alone; "
        "the minutes of a bad and a good day are never read there",
    ("bot/usecases/planning.py", "_rank", "0 -> 1"): RANK_ORDER,
    ("bot/usecases/planning.py", "_rank", "2 -> 3"): RANK_ORDER,
    ("bot/usecases/planning.py", "_rank", "3 -> 4"): RANK_ORDER,
    ("bot/usecases/planning.py", "_rank", "4 -> 5"): RANK_ORDER,
    ("bot/usecases/planning.py", "option_text", "or -> and (user.cue)"):
        "the values are rendered into a flare-day option, a movement item or a flare-day tip, "
        "and none of those templates uses {{ cue }} (only tip.pacing.if_then_cue does, which "
        "is not for flare days): the cue's value is never shown",
    ("bot/usecases/planning.py", "declare_rest", "left out: await session.flush()"):
        "the sessions autoflush (bot/db/session.py keeps SQLAlchemy's default): the "
        "decide_today just below selects the day's history first, which writes rest_declared "
        "before the rules read it",
    ("bot/usecases/planning.py", "declare_rest", "return None instead of row"):
        "its one caller, intents' rest, ignores the plan returned (it answers with "
        "intent.rest.recorded and writes tomorrow's movement answer)",
    ("bot/usecases/groups.py", "_apply", "return None instead of False"):
        "_apply's one caller, _setup_step, reads it only as `not _apply(...)`, where None and "
        "False are alike",
    ("bot/usecases/groups.py", "_setup_step", "left out: challenge.updated_at = now"):
        "updated_at is written on every change and read nowhere (no query, view, export or "
        "job reads it)",
    ("bot/usecases/groups.py", "join_by_link", "left out: await session.flush()"):
        "the sessions autoflush (bot/db/session.py keeps SQLAlchemy's default): the "
        "challenge_by_code select just below writes the new person first, and their id is "
        "Telegram's, set in Python, so nothing waits for the database to give one",
    ("bot/usecases/groups.py", "join_by_link", "True -> False"):
        "start_from_link, its one caller, runs the usual /start (onboarding.start) right after "
        "in the same update, which sets active again for the person join_by_link found or made; "
        "nothing in between reads it (the welcome is the reply to /start, the card goes to the "
        "group)",
    ("bot/usecases/groups.py", "join_by_link", "or -> and (challenge is None)"):
        "the group is read from the challenge's group_id (a non-null foreign key) and group "
        "rows are never deleted, so group is None exactly when challenge is None: `challenge "
        "is None and group is None` is `challenge is None`",
    ("bot/usecases/groups.py", "new_draft", "False -> True"):
        "(a draft made stale) the refresh job claims only running and ended challenges, never a "
        "draft or a cancelled one; going live refreshes the card with force=True, which sets "
        "stale to False whether it posts or finds the look unchanged (its only early return is "
        "for a group the bot has left, and a draft goes live by a tap in that very group)",
    ("bot/usecases/groups.py", "new_draft", "0 -> 1"):
        "the draft id returned beside an Answer (no private chat yet: no draft is made) is "
        "read by no one: the one caller, handlers.groups.challenge_command, shows the Answer "
        "and returns before it would store the set-up message's id under the draft id",
    ("bot/usecases/onboarding.py", "_advance", "or -> and (dialogs.dialogue_of(user.dialo)"):
        "_advance runs only with a set-up step open (typed: step_of(user.dialog) is not None; "
        "tap: the tapped step is the open one), so the dialog is an onboard:* or a settings:* "
        "state, and the two sides agree: a settings state is set only by settings_tap, after "
        "it returned for anyone not set up; an onboard state only by start, which returned "
        "before for anyone set up, and by _advance's own onboarding branch (not set up); "
        "onboarded turns True only in _finish, which closes the dialog, and never back",
    ("bot/usecases/onboarding.py", "start", "left out: user.chat_id = chat_id"):
        "a person's row is made only from their private chat (/start and /start j<code>, "
        "both filtered to private chats in bot/app.py, pass that chat's id), and /start comes "
        "only from there too; a private chat's id is the person's own id in Telegram, so the "
        "chat_id written is the one already stored",
    ("bot/usecases/onboarding.py", "start", "left out: user.updated_at = now"): UPDATED_AT,
    ("bot/usecases/onboarding.py", "tap", "left out: user.updated_at = services.clock.now()"):
        UPDATED_AT,
    ("bot/usecases/onboarding.py", "typed", "left out: user.updated_at = services.clock.now()"):
        UPDATED_AT,
    ("bot/usecases/onboarding.py", "settings_tap",
     "left out: user.updated_at = services.clock.now()"): UPDATED_AT,
}  # fmt: skip


def reason(module: str, function: str, what: str) -> str | None:
    """Why this mutant is equivalent, or None if it is not known to be."""
    return EQUIVALENT.get((module, function, what))
