"""The plain mode's journeys: the same descriptions (`core/journey.py` for the steps of each
variant, `core/flows.py` for what each step and sub-flow asks) over the same engine as the
screens, said as lines and asked one question at a time.

Each journey returns where the person goes next, a `Way`: the home page, the login, the
logged-in space. `Plain.status` follows whether the last journey went to its end, which the
exit status says.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from enum import Enum, StrEnum
from typing import Any, Literal, TypedDict, TypeVar, Unpack, overload

from mes_sante_tui.core import flows
from mes_sante_tui.core.access import AccountFound, LoggedIn
from mes_sante_tui.core.birthdate import format_date
from mes_sante_tui.core.certificate import (
    check_folder,
    default_certificate_folder,
    opposition_certificate,
    save_certificate,
)
from mes_sante_tui.core.durations import countdown_words
from mes_sante_tui.core.engine import (
    Accepted,
    Activated,
    ChannelOption,
    Choice,
    CodeSent,
    ContactKind,
    Engine,
    Found,
    Identified,
    Opposed,
    Outcome,
    Session,
)
from mes_sante_tui.core.flows import Field, FieldKind, Form
from mes_sante_tui.core.journey import Back, JourneyDescription, Step, describe
from mes_sante_tui.core.models import Channel, Person
from mes_sante_tui.core.outbox_text import Role, message_lines
from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import JourneyVariant, Settings
from mes_sante_tui.core.space import Closed, ProfileAction, actions_for
from mes_sante_tui.core.status import status_label
from mes_sante_tui.wording import FR, count, t, t_variant

from .console import Console, GoBack


def plain_words(key: str, variant: str, **params: Any) -> str:
    """What this mode reads for `key`: its own words (`key.plain`) where the screens' name
    keys that do nothing here (F2, F3, Échap, Tab, the arrows), else the variant's."""
    own = f"{key}.plain"
    return t(own, **params) if own in FR else t_variant(key, variant, **params)


class Way(StrEnum):
    HOME = "home"
    LOGIN = "login"
    SPACE = "space"
    ACTIVATE = "activate"
    BACK = "back"  # back where the journey was opened from (the household's list)


@dataclass
class Typed:
    """What was typed on a form, kept to be offered back."""

    values: dict[str, str] = field(default_factory=dict)
    proposed: set[str] = field(default_factory=set)  # values offered, not typed

    def get(self, name: str) -> str:
        return self.values.get(name, "")


@dataclass(frozen=True)
class AskAgain:
    """After a refused answer: the form is asked again, only `fields` (None: all of them),
    the others kept as typed."""

    fields: list[str] | None = None


class Outcomes(Enum):
    """What a refusal with an outcome (not found, locked, session expired...) does to a form."""

    SAID = "said"  # said with the errors, and the form asked again
    # Its own page with the ways forward: « Corriger ma saisie » asks the form again, any
    # other way is handed back.
    PAGE = "page"
    HANDED_BACK = "handed back"  # handed back unsaid: the caller says it and leaves the form


class Asked(TypedDict, total=False):
    """How a form is asked (`Plain.form_step`), besides its fields."""

    step: Step | None  # where it stands in the journey; an outcome's page is that step's
    only_errors: bool  # after a refusal, only the fields in error asked again
    notice: str | None  # said after the title the first time
    lines: Sequence[str]  # said after the title each time the form is asked
    options: Mapping[str, Sequence[tuple[str, str]]]  # a choice field's options
    page_said: bool  # the title was said by the caller, once: only the questions again
    # The caller's own title and lines, said instead of the form's: the first time, and
    # again after an outcome's page, so that one knows where one is back.
    page: Callable[[], None]
    params: Mapping[str, Any]  # the placeholders of the form's words


R = TypeVar("R")


class Plain:
    def __init__(self, services: Services, settings: Settings, console: Console) -> None:
        self.services = services
        self.engine: Engine = services.engine
        self.store = services.store
        self.settings = settings
        self.engine.settings = settings
        self.console = console
        self.session: Session | None = None
        self.last_identifier: str | None = None
        # None: nothing done yet; True: the last journey went to its end; False: under way.
        self.status: bool | None = None
        # The title last said, and the one asking again after a refusal (not said again).
        self._shown: str | None = None
        self._refused_on: str | None = None
        console.outbox = self.outbox_lines
        console.before_question = self.mind_the_session
        self._warning = False  # the warning being said (its own question asks nothing more)
        # The opposition's certificate is offered and not saved yet: leaving would lose it.
        self.certificate_pending = False
        self._warned = False  # said once, until the session is extended
        console.quit_question = self._quit_question

    # --- words ---------------------------------------------------------------------------

    @property
    def variant(self) -> JourneyVariant:
        return self.settings.journey

    @property
    def journey(self) -> JourneyDescription:
        return describe(self.variant)

    def words(self, key: str, **params: Any) -> str:
        """The catalogue's text of `key` in this mode's words where it has its own (a help
        or a hint whose screen version names keys that do nothing here), else in the
        variant's words; its placeholders filled."""
        params.setdefault("version", self.settings.rule_version.value)
        return plain_words(key, self.variant.value, **params)

    @property
    def logged_in(self) -> bool:
        return self.session is not None and self.session.account_id is not None

    @property
    def journey_in_progress(self) -> bool:
        session = self.session
        return (
            session is not None and session.person_id is not None and session.account_id is None
        )

    def _quit_question(self) -> str:
        """« Quitter le simulateur ? », after what leaving would lose, as the screens say it."""
        if self.certificate_pending:
            return f"{t('quit.body.certificate')} {t('plain.quit.confirm')}"
        if self.journey_in_progress and self.status is False:
            return f"{t('quit.body')} {t('plain.quit.confirm')}"
        return t("plain.quit.confirm")

    def mind_the_session(self) -> None:
        """Before a question: when the session is about to expire, say so and offer more
        time, as the screens' warning does (« Prolonger ma session »)."""
        session = self.session
        if session is None or self._warning:
            return
        left = self.engine.session_time_left(session)
        if left > self.settings.session_warning:
            self._warned = False  # said again the next time the session comes near its end
            return
        if self._warned or left <= timedelta(0):
            return
        self._warning = self._warned = True
        try:
            self.console.say(
                t("session.warning.title"),
                t("session.warning.body", left=countdown_words(left)),
            )
            if self.console.yes_no(t("session.extend"), words=False, default=True):
                self.engine.extend_session(session)
                self._warned = False
        finally:
            self._warning = False

    def started(self) -> None:
        self.status = False

    def finished(self) -> None:
        self.status = True

    # --- lines ---------------------------------------------------------------------------

    def header(self, title: str, step: Step | None, help_text: Sequence[str]) -> bool:
        """A step's title, where it stands in the journey, and what « aide » reads there.
        Not said again when the same step asks again after a refusal (False then): the
        errors were just said, the questions in error come next."""
        helps = tuple(help_text)
        self.console.help = lambda: helps
        repeat, self._refused_on = self._refused_on == title, None
        if repeat:
            return False
        self._shown = title
        self.console.blank()
        self.console.say(title)
        if step is not None and step in self.journey and self.journey[step].stage >= 0:
            stages = self.journey.stages
            stage = self.journey[step].stage
            self.console.say(
                t("widget.stepper.heading", n=stage + 1, total=len(stages), name=t(stages[stage]))
            )
        return True

    def show_form(self, form: Form, step: Step | None, **params: Any) -> None:
        title = self.words(form.title_key, **params)
        if self.header(title, step, [self.words(form.help_key)]):
            self.console.say(*(self.words(key, **params) for key in form.intro_keys))

    def outbox_lines(self, number: int) -> list[str]:
        messages = self.store.outbox(limit=number)
        if not messages:
            return [t("widget.outbox.empty")]
        lines = [count("plain.outbox.shown", len(messages))]
        for number, message in enumerate(messages, start=1):
            lines.append("")
            lines.extend(
                f"{number}. {text}" if role is Role.HEADING else text
                for text, role in message_lines(message, masked=False)
            )
        return lines

    @overload
    def after_refusal(
        self, form: Form | None, refused: Refused, step: None = None, *,
        only_errors: bool = False, **params: Any,
    ) -> AskAgain: ...

    @overload
    def after_refusal(
        self, form: Form | None, refused: Refused, step: Step | None, *,
        only_errors: bool = False, **params: Any,
    ) -> AskAgain | Way | str: ...

    def after_refusal(
        self,
        form: Form | None,
        refused: Refused,
        step: Step | None = None,
        *,
        only_errors: bool = False,
        **params: Any,
    ) -> AskAgain | Way | str:
        """A refused answer, handled the same way on every form.

        With `step`, an identification outcome is its own page: what happened and the ways
        forward; the way chosen is handed back, except « Corriger ma saisie »: the whole form
        again. Otherwise each error is said in words naming its field, the general message
        after them, and the form is asked again with what was typed kept and offered back:
        with `only_errors`, just the fields in error (a password with its confirmation, as
        neither is ever offered back)."""
        if step is not None and refused.outcome:
            way = self.outcome(refused, step)
            return AskAgain() if way == flows.RETRY else way
        self._refused_on = self._shown
        fields = form.fields if form else ()
        labels = {f.name: self.words(f.label_key, **params) for f in fields}
        for name, message in refused.errors.items():
            if name in labels:
                self.console.say(t("plain.error", field=labels[name], message=message))
            else:
                self.console.say(t("plain.error.general", message=message))
        if refused.message:
            self.console.say(t("plain.error.general", message=refused.message))
        if not only_errors or not refused.errors:
            return AskAgain()
        again = list(refused.errors)
        secrets = [f.name for f in fields if f.kind is FieldKind.SECRET]
        if set(secrets) & set(again):
            again += secrets
        return AskAgain(again)

    # --- questions -----------------------------------------------------------------------

    def ask_field(
        self,
        form_field: Field,
        typed: Typed,
        *,
        options: Sequence[tuple[str, str]] = (),
        **params: Any,
    ) -> None:
        """Ask one field, its format first; what was typed before is offered back."""
        name = form_field.name
        label = self.words(form_field.label_key, **params)
        hint_key = form_field.hint_key
        if name == "serial":
            hint_key = flows.SERIAL_HINT[flows.CARD_MODELS.get(typed.get("model"))]
        if form_field.kind is FieldKind.CHOICE:
            choices = list(options) or [
                (value, self.words(key, **params)) for value, key in form_field.options
            ]
            self.console.say(t("plain.question.bare", label=label).rstrip())
            values = [value for value, _ in choices]
            kept = values.index(typed.get(name)) if typed.get(name) in values else None
            index = self.console.choose([words for _, words in choices], kept=kept)
            typed.values[name] = values[index]
            return
        hint = self.words(hint_key, **params) if hint_key else None
        if form_field.kind is FieldKind.CHECK:
            question = f"{label}. {hint}" if hint else label
            typed.values[name] = "oui" if self.console.yes_no(question) else ""
            return
        secret = form_field.kind is FieldKind.SECRET
        if secret and name == "password" and "password_rules" in params:
            # The rules are the password's format: said before the question.
            rules: Callable[[str], Sequence[Any]] = params["password_rules"]
            self.console.say(t("account.rules_version", version=self.settings.rule_version.value))
            self.console.say(*(f"• {rule.label}" for rule in rules("")))
            hint = None
        prompt = (
            t("plain.question", label=label, hint=hint)
            if hint
            else t("plain.question.bare", label=label)
        )
        before = typed.get(name)
        if secret:
            if self.console.terminal:
                self.console.say(t("plain.secret"))
        elif before:
            offered = "plain.proposed" if name in typed.proposed else "plain.typed"
            self.console.say(t(offered, typed=before))
        answer = self.console.ask(prompt, secret=secret)
        typed.proposed.discard(name)
        typed.values[name] = before if (not answer and before and not secret) else answer

    def fill(
        self,
        form: Form,
        typed: Typed,
        only: Sequence[str] | None = None,
        *,
        options: Mapping[str, Sequence[tuple[str, str]]] | None = None,
        **params: Any,
    ) -> None:
        """Ask the form's fields in order (`only`: just those, after a refusal). « retour »
        goes back to the field before, with what was typed there offered back; from the
        first field, to where going back from the step leads."""
        asked = [f for f in form.fields if only is None or f.name in only]
        index = 0
        while index < len(asked):
            form_field = asked[index]
            try:
                self.ask_field(
                    form_field, typed, options=(options or {}).get(form_field.name, ()), **params
                )
            except GoBack:
                if index == 0:
                    raise
                index -= 1
                continue
            index += 1

    @overload
    def form_step(
        self, form: Form, typed: Typed, submit: Callable[[], R | Refused],
        outcomes: Literal[Outcomes.SAID] = ..., **asked: Unpack[Asked],
    ) -> R: ...

    @overload
    def form_step(
        self, form: Form, typed: Typed, submit: Callable[[], R | Refused],
        outcomes: Literal[Outcomes.PAGE], **asked: Unpack[Asked],
    ) -> R | Way | str: ...

    @overload
    def form_step(
        self, form: Form, typed: Typed, submit: Callable[[], R | Refused],
        outcomes: Literal[Outcomes.HANDED_BACK], **asked: Unpack[Asked],
    ) -> R | Refused: ...

    def form_step(
        self,
        form: Form,
        typed: Typed,
        submit: Callable[[], R | Refused],
        outcomes: Outcomes = Outcomes.SAID,
        **asked: Unpack[Asked],
    ) -> R | Refused | Way | str:
        """Ask the form, hand what was typed to `submit` (one engine call), and again after
        each refusal, said as `after_refusal` says it, until accepted: the accepted result.
        A refusal's outcome does what `outcomes` says; a way out chosen on its page is
        handed back. « retour » raises `GoBack`, as in `fill`."""
        step, params = asked.get("step"), asked.get("params", {})
        notice = asked.get("notice")
        again = AskAgain()
        page, page_due = asked.get("page"), True
        while True:
            if page is not None:
                if page_due:
                    page()
            elif not asked.get("page_said"):
                self.show_form(form, step, **params)
            if notice:
                self.console.say(notice)
                notice = None
            self.console.say(*asked.get("lines", ()))
            self.fill(form, typed, again.fields, options=asked.get("options"), **params)
            result = submit()
            if not isinstance(result, Refused):
                return result
            if outcomes is Outcomes.HANDED_BACK and result.outcome:
                return result
            after = self.after_refusal(
                form, result, step if outcomes is Outcomes.PAGE else None,
                only_errors=asked.get("only_errors", False), **params,
            )
            if not isinstance(after, AskAgain):
                return after
            page_due = outcomes is Outcomes.PAGE and bool(result.outcome)
            again = after

    @staticmethod
    def way_out(result: object) -> Way | str | None:
        """After a step's form: None once accepted, else the way out chosen."""
        return result if isinstance(result, Way | str) else None

    def pick(self, options: Sequence[str]) -> int:
        return self.console.choose(options)

    def channel_options(self, channels: Sequence[ChannelOption]) -> list[tuple[str, str]]:
        return [
            (option.channel.value, t(f"channel.{option.channel.value}", masked=option.masked))
            for option in channels
        ]

    # --- the home page -------------------------------------------------------------------

    def home(self) -> None:
        while True:
            self.session = None
            self.header(t("home.title"), None, [self.words("home.help")])
            self.console.say(t("home.lead"))
            try:
                chosen = self.pick([t("home.activate"), t("home.login"), t("key.quit")])
            except GoBack:
                self.console.say(t("plain.back.none"))
                continue
            if chosen == 2:
                if self.console.yes_no(t("plain.quit.confirm")):
                    return
                continue
            self.go(Way.ACTIVATE if chosen == 0 else Way.LOGIN)

    def go(self, way: Way) -> None:
        """Follow the ways one journey hands to the next, until the home page."""
        while way is not Way.HOME:
            if way is Way.ACTIVATE:
                way = self.activation()
            elif way is Way.LOGIN:
                way = self.login()
            else:
                way = self.space()

    # --- the activation journey ----------------------------------------------------------

    def activation(self) -> Way:
        self.session = self.engine.start_session()
        self.started()
        return self.walk(Step.START)

    def walk(
        self, first: Step, *, preset: Choice | None = None, household: bool = False
    ) -> Way:
        """The journey's steps from `first`, in the variant's order, skipping those that do
        not apply; going back as each step's description says."""
        session = self.session
        assert session is not None
        typed = Typed()
        history: list[Step] = []
        notice: str | None = None
        step = first
        while True:
            try:
                way = self.run_step(step, typed, notice, preset)
            except GoBack:
                back = self.journey[step].back if step in self.journey else Back.LEAVE
                if step is Step.REPRESENTATIVE and household:
                    self.engine.back_to_own_profile(session)
                    return Way.BACK
                if back is Back.PREVIOUS and history:
                    step = history.pop()
                    continue
                if back is Back.NOTHING:
                    self.console.say(t("plain.back.none"))
                    continue
                if self.journey_in_progress and not self.console.yes_no(
                    f"{t('quit.title')} {t('quit.body')}"
                ):
                    continue
                return Way.SPACE if self.logged_in else Way.HOME
            notice = None
            if isinstance(way, Way):
                return way
            if way == "regenerate":
                sent = self.regeneration(typed)
                if sent is not None:
                    notice = sent
                    if step is not Step.IDENTIFY:
                        history.append(step)
                    step = Step.IDENTIFY
                continue
            if way == "opposition":
                after = self.opposition()
                if after is None:  # back from the confirmation: on the decision again
                    continue
                return after
            if way == "retry":
                continue
            if step is Step.SUCCESS:
                return Way.HOME
            if step is Step.REPRESENTATIVE and self.logged_in:
                return self.manage_profile()
            history.append(step)
            preset = None
            step = self.journey.next_step(step, skip=self.engine.skipped_steps(session))

    def run_step(
        self, step: Step, typed: Typed, notice: str | None, preset: Choice | None
    ) -> Way | str | None:
        """One step: None when accepted, else a way out or a sub-flow's name."""
        match step:
            case Step.START:
                return self.start_step()
            case Step.IDENTIFY:
                return self.identify_step(typed, notice)
            case Step.BIRTH_DATE:
                return self.identity_step(
                    step, typed,
                    lambda s: self.engine.check_birth_date(s, typed.get("birth_date")),
                )
            case Step.VITALE:
                return self.identity_step(
                    step, typed,
                    lambda s: self.engine.identify_by_identity(
                        s, nir=typed.get("nir"), model=self.model(typed),
                        serial=typed.get("serial"),
                    ),
                )
            case Step.CHOOSE_PROFILE:
                return self.choose_profile(step)
            case Step.REPRESENTATIVE:
                return self.representative_step()
            case Step.CODE:
                return self.code_step(typed)
            case Step.DECISION:
                return self.decision_step(preset)
            case Step.CONTACTS:
                return self.contacts_step()
            case Step.ACCOUNT:
                return self.account_step(typed)
            case Step.SUCCESS:
                return self.success_step()
            case _:
                return Way.HOME

    @staticmethod
    def model(typed: Typed) -> Any:
        return flows.CARD_MODELS.get(typed.get("model"))

    def start_step(self) -> Way | str | None:
        code_first = self.journey.options.regenerate_code
        self.header(self.words("start.title"), Step.START, [self.words("start.help")])
        self.console.say(self.words("start.need"))
        needs = (
            ("start.need.code", "start.need.card", "start.need.time")
            if self.variant is JourneyVariant.CODE_FIRST
            else ("start.need.nir", "start.need.serial", "start.need.time")
        )
        self.console.say(*(t(key) for key in needs))
        ways: list[tuple[str, Way | str | None]] = [(t("start.begin"), None)]
        if code_first:
            ways.append((t("start.regenerate"), "regenerate"))
        ways.append((self.words("start.login"), Way.LOGIN))
        return ways[self.pick([words for words, _ in ways])][1]

    def outcome(self, refused: Refused, step: Step) -> Way | str:
        """An identification outcome: what happened, why, and the ways forward."""
        outcome = refused.outcome or ""
        actions = [
            action
            for action in flows.outcome_actions(outcome)
            if action != flows.REGENERATE_CODE or self.journey.options.regenerate_code
        ] or [flows.HOME]
        self.header(t(f"outcome.{outcome}.title"), step, [self.words("outcome.help")])
        self.console.say(refused.message or "", t(f"outcome.{outcome}.next"), t("outcome.contact"))
        if outcome == Outcome.SESSION_EXPIRED:
            self.session = None
        try:
            action = actions[self.pick([t(f"outcome.action.{a}") for a in actions])]
        except GoBack:
            action = flows.RETRY if flows.RETRY in actions else flows.HOME
        if outcome == Outcome.SESSION_EXPIRED or action == flows.HOME:
            return Way.SPACE if self.logged_in else Way.HOME
        if action == flows.LOGIN_WAY:
            return Way.LOGIN
        return action  # "retry" or "regenerate"

    def identity_step(
        self,
        step: Step,
        typed: Typed,
        call: Callable[[Session], object],
        notice: str | None = None,
    ) -> Way | str | None:
        """A step of the identification: its fields handed to one engine call."""
        session = self.session
        assert session is not None
        result = self.form_step(
            flows.STEP_FORMS[step], typed, lambda: call(session), Outcomes.PAGE,
            step=step, only_errors=True, notice=notice,
        )
        return self.way_out(result)

    def identify_step(self, typed: Typed, notice: str | None) -> Way | str | None:
        def identify(session: Session) -> Identified | Refused:
            return self.engine.identify_with_code(
                session, code=typed.get("code"), nir=typed.get("nir"), model=self.model(typed),
                serial=typed.get("serial"),
            )

        return self.identity_step(Step.IDENTIFY, typed, identify, notice)

    def choose_profile(self, step: Step | None) -> Way | str | None:
        session = self.session
        assert session is not None
        form = flows.STEP_FORMS[Step.CHOOSE_PROFILE]
        people = [self.store.person(i) for i in session.candidates]
        options = [(str(p.id), f"{p.full_name} — {status_label(p)}") for p in people]
        typed = Typed()
        self.form_step(
            form, typed,
            lambda: self.engine.choose_profile(session, int(typed.get("profile"))),
            step=step, options={"profile": options},
        )
        return None

    def representative_step(self) -> Way | str | None:
        session = self.session
        assert session is not None
        child = self.engine.profile(session).full_name
        form = flows.STEP_FORMS[Step.REPRESENTATIVE]
        typed = Typed()

        def certify() -> Accepted | Refused:
            result = self.engine.certify_representative(session, typed.get("certify") == "yes")
            if isinstance(result, Refused) and (
                self.logged_in and result.outcome == Outcome.NOT_REPRESENTATIVE
            ):
                # Logged in, « not the representative » stays on the form, as on the screen,
                # said like an error: going back leads to the space, still logged in.
                return replace(result, outcome=None)
            return result

        result = self.form_step(
            form, typed, certify, Outcomes.PAGE, step=Step.REPRESENTATIVE,
            params={"name": child},
        )
        return self.way_out(result)

    def code_step(self, typed: Typed) -> Way | str | None:
        """« Mon code provisoire » (identity first): where to receive it, then the code."""
        session = self.session
        assert session is not None
        form = flows.STEP_FORMS[Step.CODE]
        channels = self.engine.channels(session)
        letter_only = [o.channel for o in channels] == [Channel.LETTER]
        while True:
            sent = self.form_step(
                form, typed,
                lambda: self.engine.send_code(session, Channel(typed.get("channel"))),
                Outcomes.PAGE, step=Step.CODE,
                lines=[t("send_code.letter_only")] if letter_only else [],
                options={"channel": self.channel_options(channels)},
            )
            if not isinstance(sent, CodeSent):
                return sent
            try:
                return self.code_entry(sent)
            except GoBack:
                continue  # back to where to receive it

    def code_entry(self, sent: CodeSent) -> Way | str | None:
        session = self.session
        assert session is not None
        form = flows.CODE_ENTRY
        typed = Typed()

        def page() -> None:
            title = t(f"code.entry.{sent.channel.value}")
            self.header(title, Step.CODE, [self.words(form.help_key)])
            self.console.say(t(f"code.sent.{sent.channel.value}", masked=sent.masked))

        result = self.form_step(
            form, typed, lambda: self.engine.verify_code(session, typed.get("code")),
            Outcomes.PAGE, step=Step.CODE, page=page,
        )
        return self.way_out(result)

    def decision_step(self, preset: Choice | None) -> Way | str | None:
        session = self.session
        assert session is not None
        person = self.engine.profile(session)
        form = flows.STEP_FORMS[Step.DECISION]
        if self.variant is JourneyVariant.IDENTITY_FIRST:
            title = self.words(form.title_key)
        else:
            first_name = self.engine.addressee(session).first_name.split()[0]
            title = t("decision.hello", first_name=first_name)
        options = [
            (value, f"{t(key)} — {t(flows.CHOICE_TEXTS[value])}")
            for value, key in flows.CHOICE.options
        ]
        typed = Typed({"choice": preset.value} if preset else {})
        again = AskAgain()
        while True:
            self.header(title, Step.DECISION, [self.words(form.help_key)])
            if person.parent_id is not None:
                self.console.say(t("decision.child", name=person.full_name))
            if again.fields is None or "choice" in again.fields:
                self.fill(form, typed, ["choice"], options={"choice": options})
            choice = Choice(typed.get("choice"))
            if choice is Choice.ACTIVATE:
                try:
                    self.fill(form, typed, ["consent"])
                except GoBack:  # back to the choice, as typed
                    again = AskAgain()
                    self._refused_on = self._shown
                    continue
            result = self.engine.decide(session, choice, typed.get("consent") == "oui")
            if isinstance(result, Accepted):
                return "opposition" if result.next is None else None
            after = self.after_refusal(form, result, Step.DECISION, only_errors=True)
            if not isinstance(after, AskAgain):
                return after
            again = after

    def contacts_step(self) -> Way | str | None:
        session = self.session
        assert session is not None
        form = flows.STEP_FORMS[Step.CONTACTS]
        while True:
            view = self.engine.contact_view(session)
            self.show_form(form, Step.CONTACTS)
            self.console.say(
                f"{t('contacts.email')} : {view.email_masked or t('contacts.no_email')}",
                f"{t('contacts.mobile')} : {view.mobile_masked or t('contacts.no_mobile')}",
            )
            edit_email = "contacts.edit_email" if view.email else "contacts.add_email"
            edit_mobile = "contacts.edit_mobile" if view.mobile else "contacts.add_mobile"
            chosen = self.pick(
                [t("button.continue"), self.words(edit_email), self.words(edit_mobile)]
            )
            if chosen == 0:
                result = self.engine.confirm_contacts(session)
                if isinstance(result, Accepted):
                    return None
                self.after_refusal(form, result)
                continue
            kind = ContactKind.EMAIL if chosen == 1 else ContactKind.MOBILE
            if self.change_contact(kind):
                self.console.say(t("contacts.updated"))

    def change_contact(self, kind: ContactKind) -> bool:
        """The new contact, then the one-time code sent to it; True once it is stored."""
        session = self.session
        assert session is not None
        flow = flows.FLOWS[f"change_{kind.value}"]
        edit, check = flow.forms
        typed = Typed()
        while True:
            try:
                sent = self.form_step(
                    edit, typed,
                    lambda: self.engine.request_contact_change(
                        session, kind, typed.get(kind.value)
                    ),
                    step=Step.CONTACTS,
                )
            except GoBack:
                return False
            try:
                self.contact_code(check, t(f"otp.sent.{kind.value}", target=sent.target))
            except GoBack:
                continue
            return True

    def contact_code(self, form: Form, sent_text: str) -> None:
        """The one-time code sent to the new contact, asked until right."""
        session = self.session
        assert session is not None
        typed = Typed()
        self.form_step(
            form, typed, lambda: self.engine.confirm_contact_change(session, typed.get("otp")),
            step=Step.CONTACTS, notice=sent_text,
        )

    def account_step(self, typed: Typed) -> Way | str | None:
        session = self.session
        assert session is not None
        result = self.form_step(
            flows.STEP_FORMS[Step.ACCOUNT], typed,
            lambda: self.engine.create_account(
                session,
                identifier_raw=typed.get("identifier"),
                password_raw=typed.get("password"),
                confirmation=typed.get("confirmation"),
            ),
            Outcomes.PAGE, step=Step.ACCOUNT, only_errors=True,
            params={"password_rules": self.engine.password_rules},
        )
        if isinstance(result, Activated):
            self.last_identifier = result.identifier
        return self.way_out(result)

    def success_step(self) -> Way | str | None:
        session = self.session
        self.finished()
        title = (
            t("success.title.identity")
            if self.variant is JourneyVariant.IDENTITY_FIRST
            else t("success.title")
        )
        self.header(title, Step.SUCCESS, [self.words("success.help")])
        if session is not None and session.person_id is not None:
            person = self.engine.profile(session)
            if person.parent_id is not None:
                self.console.say(t("success.child", name=person.full_name))
        self.console.say(t("success.text"))
        if self.logged_in:
            self.pick([t("success.discover")])
            return Way.SPACE
        if self.last_identifier:
            self.console.say(t("success.identifier", identifier=self.last_identifier))
        self.session = None
        login = (
            t("success.login")
            if self.variant is JourneyVariant.IDENTITY_FIRST
            else t("success.discover")
        )
        return (Way.LOGIN, Way.HOME)[self.pick([login, t("success.restart")])]

    # --- a new provisional code ----------------------------------------------------------

    def regeneration(self, carried: Typed) -> str | None:
        """« Générer un nouveau code provisoire »: who, the profile (twins), where to send.
        The card typed is carried back and forth; returns the notice of the code sent, or
        None when the person went back."""
        session = self.session
        assert session is not None
        flow = flows.FLOWS["regeneration"]
        form, _, send = flow.forms
        typed = Typed(dict(carried.values))
        while True:
            try:
                found = self.form_step(
                    form, typed,
                    lambda: self.engine.identify_by_identity(
                        session, nir=typed.get("nir"), birth_date=typed.get("birth_date"),
                        model=self.model(typed), serial=typed.get("serial"),
                        step="regenerer_code",
                    ),
                    Outcomes.PAGE, step=Step.IDENTIFY, only_errors=True,
                    lines=[t("birth_date.for_whom")],
                )
            except GoBack:
                carried.values.update({k: v for k, v in typed.values.items() if k != "birth_date"})
                return None
            if not isinstance(found, Found):
                return None  # a way out of the outcome's page
            try:
                if len(found.candidates) > 1:
                    self.choose_profile(Step.IDENTIFY)
                sent = self.send_code(send)
            except GoBack:
                continue
            if sent is None:
                continue
            self.engine.forget_identity(session)
            carried.values.update({k: v for k, v in typed.values.items() if k != "birth_date"})
            carried.values["code"] = ""
            where = t(f"regenerate.where.{sent.channel.value}", masked=sent.masked)
            return t("regenerate.sent", where=where)

    def send_code(self, form: Form) -> CodeSent | None:
        session = self.session
        assert session is not None
        channels = self.engine.channels(session)
        person = self.engine.profile(session) if session.person_id else None
        lines = []
        if person is not None and person.parent_id is not None:
            lines.append(t("send_code.for_child", name=person.full_name))
        if [o.channel for o in channels] == [Channel.LETTER]:
            lines.append(t("send_code.letter_only"))
        typed = Typed()
        sent = self.form_step(
            form, typed, lambda: self.engine.send_code(session, Channel(typed.get("channel"))),
            Outcomes.HANDED_BACK, step=Step.IDENTIFY, lines=lines,
            options={"channel": self.channel_options(channels)},
        )
        if isinstance(sent, CodeSent):
            return sent
        # The outcome's page; whatever way is chosen: the regeneration's form again.
        self.after_refusal(form, sent, Step.IDENTIFY)
        return None

    # --- the opposition ------------------------------------------------------------------

    def opposition(self) -> Way | None:
        """Confirmed on its own step, then the certificate and the household's profiles.
        None: back on the decision."""
        session = self.session
        assert session is not None
        confirm, done = flows.FLOWS["opposition"].forms
        person = self.engine.profile(session)
        child = person.full_name if person.parent_id is not None else None
        while True:
            self.show_form(confirm, Step.DECISION)
            if child is not None:
                self.console.say(t("opposition.confirm.child", name=child))
            try:
                if self.pick([t("button.continue"), t("button.cancel")]) == 1:
                    return None
            except GoBack:
                return None
            opposed = self.engine.confirm_opposition(session)
            if isinstance(opposed, Opposed):
                break
            after = self.after_refusal(confirm, opposed, Step.DECISION)
            if opposed.outcome:  # its way out; « Corriger ma saisie »: back on the decision
                return after if isinstance(after, Way) else None
        self.finished()
        profiles = self.engine.household_profiles(session)
        self.engine.back_to_own_profile(session)
        return self.opposition_done(done, opposed, profiles)

    def opposition_done(self, form: Form, opposed: Opposed, profiles: list[Person]) -> Way:
        saved: tuple[str, str] | None = None
        typed = Typed({"folder": str(default_certificate_folder())}, {"folder"})
        while True:
            self.show_form(form, Step.DECISION)
            try:
                if saved is None:
                    self.certificate_pending = True
                    saved = self.save_certificate(form, typed, opposed)
                    self.certificate_pending = False
                return self.household(opposed, profiles, saved)
            except GoBack:
                if saved is None and not self.console.yes_no(
                    f"{t('quit.title')} {t('quit.body.certificate')}"
                ):
                    continue
                self.certificate_pending = False
                return Way.SPACE if self.logged_in else Way.HOME

    def save_certificate(self, form: Form, typed: Typed, opposed: Opposed) -> tuple[str, str]:
        """The certificate saved in the folder typed (its page is said): where, and its text."""

        def save() -> tuple[str, str] | Refused:
            checked = check_folder(typed.get("folder"))
            if checked.value is None:
                message = checked.error or t("opposition.done.folder.required")
                return Refused(errors={"folder": message})
            cert = opposition_certificate(opposed.person, opposed.decided_on)
            try:
                pdf, txt = save_certificate(cert, checked.value)
            except OSError:
                failed = t("opposition.done.save_failed", folder=str(checked.value))
                return Refused(errors={"folder": failed})
            self.console.say(t("opposition.done.saved", pdf=str(pdf), txt=str(txt)))
            return str(txt), cert.text

        return self.form_step(form, typed, save, page_said=True)

    def household(
        self, opposed: Opposed, profiles: list[Person], saved: tuple[str, str]
    ) -> Way:
        session = self.session
        assert session is not None
        _, text = saved
        while True:
            self.console.blank()
            self.console.say(t("opposition.done.profiles"))
            manageable = [p for p in profiles if self._manageable(p)]
            if manageable:
                self.console.say(t("opposition.done.manage.intro"))
            for person in profiles:
                self.console.say(
                    t("opposition.done.profile", name=person.full_name, status=status_label(person))
                )
                if person.parent_id is not None and actions_for(person) and person not in (
                    manageable
                ):
                    self.console.say(t("opposition.done.login_to_manage"))
            home = t("opposition.done.space") if self.logged_in else t("opposition.done.home")
            options = [t("plain.certificate.read")]
            options += [t("plain.household.manage", name=p.full_name) for p in manageable]
            options.append(home)
            chosen = self.pick(options)
            if chosen == 0:
                self.console.say(t("plain.certificate.text"), *text.splitlines())
                continue
            if chosen == len(options) - 1:
                return Way.SPACE if self.logged_in else Way.HOME
            child = manageable[chosen - 1]
            refused = self.engine.manage_profile(session, child.id)
            if isinstance(refused, Refused):
                self.after_refusal(None, refused)
                continue
            way = self.walk(Step.REPRESENTATIVE, household=True)
            if way is not Way.BACK:
                return way
            profiles = self.engine.household_profiles(session)

    def _manageable(self, person: Person) -> bool:
        if person.parent_id is None or not actions_for(person):
            return False
        return self.logged_in or person.status in flows.DECIDABLE_AFTER_OPPOSITION

    # --- logging in, and the recoveries --------------------------------------------------

    def login(self) -> Way:
        self.session = self.engine.start_session()
        session = self.session
        self.started()
        form, code_form = flows.FLOWS["login"].forms
        notice: str | None = None
        typed = Typed()
        while True:
            self.show_form(form, None)
            if notice:
                self.console.say(notice)
                notice = None
            try:
                chosen = self.pick(
                    [t("login.submit"), t("login.forgot_identifier"), t("login.forgot_password")]
                )
            except GoBack:
                return Way.HOME
            if chosen == 1:
                sent = self.recover_identifier()
                if sent is not None:
                    self.finished()
                    notice = t("login.identifier_sent", where=self.where(sent))
                continue
            if chosen == 2:
                if self.recover_password():
                    self.finished()
                    notice = t("login.password_changed")
                continue
            try:
                self.fill(form, typed)
            except GoBack:
                continue
            result = self.engine.access.login(
                session, identifier=typed.get("identifier"), password_raw=typed.get("password")
            )
            if isinstance(result, Refused):
                self.after_refusal(form, result)
                continue
            try:
                logged = self.one_time_code(
                    code_form,
                    t(f"login_code.sent.{result.channel.value}", masked=result.masked),
                    lambda raw: self.engine.access.verify_login_code(session, raw),
                )
            except GoBack:
                continue
            if isinstance(logged, LoggedIn):
                self.finished()
                return Way.SPACE
            self.after_refusal(form, logged)

    def one_time_code(
        self, form: Form, sent_text: str, check: Callable[[str], R | Refused]
    ) -> R | Refused:
        """The one-time code: asked until right; a refusal with an outcome (locked) is
        handed back."""
        typed = Typed()
        return self.form_step(
            form, typed, lambda: check(typed.get("otp")), Outcomes.HANDED_BACK,
            notice=sent_text,
        )

    @staticmethod
    def where(sent: CodeSent) -> str:
        return t(f"recovery.where.{sent.channel.value}", masked=sent.masked)

    def recovery_channel(self, form: Form, found: AccountFound, purpose: str) -> CodeSent | None:
        """Where to send the identifier or the code; None when the person went back."""
        session = self.session
        assert session is not None
        access = self.engine.access
        send = access.send_identifier if purpose == "identifier" else access.send_password_code
        letter_only = [o.channel for o in found.channels] == [Channel.LETTER]
        typed = Typed()
        try:
            return self.form_step(
                form, typed, lambda: send(session, Channel(typed.get("channel"))),
                lines=[t("recovery_channel.letter_only")] if letter_only else [],
                options={"channel": self.channel_options(found.channels)},
            )
        except GoBack:
            return None

    def recover_identifier(self) -> CodeSent | None:
        session = self.session
        assert session is not None
        form, channel = flows.FLOWS["recover_identifier"].forms
        typed = Typed()
        while True:
            try:
                found = self.form_step(
                    form, typed,
                    lambda: self.engine.access.find_for_identifier(
                        session, nir=typed.get("nir"), birth_date=typed.get("birth_date")
                    ),
                    only_errors=True,
                )
            except GoBack:
                return None
            sent = self.recovery_channel(channel, found, "identifier")
            if sent is not None:
                return sent

    def recover_password(self) -> bool:
        session = self.session
        assert session is not None
        form, channel, code, new = flows.FLOWS["recover_password"].forms
        access = self.engine.access
        typed = Typed()
        while True:
            try:
                found = self.form_step(
                    form, typed,
                    lambda: access.find_for_password(
                        session, nir=typed.get("nir"), birth_date=typed.get("birth_date"),
                        model=self.model(typed), serial=typed.get("serial"),
                    ),
                    only_errors=True,
                )
            except GoBack:
                return False
            sent = self.recovery_channel(channel, found, "password")
            if sent is None:
                continue
            try:
                checked = self.one_time_code(
                    code,
                    t(f"recovery_code.sent.{sent.channel.value}", masked=sent.masked),
                    lambda raw: access.verify_password_code(session, raw),
                )
                if isinstance(checked, Refused):
                    self.after_refusal(code, checked)
                    continue
                self.new_password(new)
                return True
            except GoBack:
                continue

    def new_password(self, form: Form) -> None:
        session = self.session
        assert session is not None
        typed = Typed()
        self.form_step(
            form, typed,
            lambda: self.engine.access.reset_password(
                session, password_raw=typed.get("password"), confirmation=typed.get("confirmation")
            ),
            params={"password_rules": self.engine.access.password_rules},
        )

    # --- the logged-in space -------------------------------------------------------------

    def space(self) -> Way:
        session = self.session
        if session is None or session.account_id is None:
            return Way.HOME
        notice: str | None = None
        while True:
            self.engine.back_to_own_profile(session)
            summary = self.engine.space.summary(session)
            if isinstance(summary, Refused):
                self.outcome(summary, Step.HOME)
                return Way.HOME
            person = self.store.person(session.account_id)
            self.header(t("space.title"), None, [self.words("space.help")])
            self.console.say(t("space.hello", first_name=person.first_name.split()[0]))
            if notice:
                self.console.say(notice)
                notice = None
            self.console.say(
                t("space.account"),
                t("space.identifier", identifier=summary.identifier),
                t("space.email", masked=summary.email_masked)
                if summary.email_masked
                else t("space.email.none"),
                t("space.mobile", masked=summary.mobile_masked)
                if summary.mobile_masked
                else t("space.mobile.none"),
                t("space.own"),
                t("space.profile", name=summary.own.person.full_name, status=summary.own.label),
            )
            if not summary.own.actions:
                self.console.say(t("space.no_action"))
            self.console.say(t("space.household"))
            if not summary.children:
                self.console.say(t("space.household.none"))
            for line in summary.children:
                self.console.say(t("space.profile", name=line.person.full_name, status=line.label))
            ways: list[tuple[str, Callable[[], tuple[Way | None, str | None]]]] = []
            for action in summary.own.actions:
                ways.append((t(f"space.action.{action.value}"), self._act(action)))
            for line in summary.children:
                if line.actions:
                    ways.append(
                        (t("plain.household.manage", name=line.person.full_name),
                         self._manage(line.person.id))
                    )
            ways.append((t("space.logout"), self._logout))
            try:
                chosen = self.pick([words for words, _ in ways])
            except GoBack:
                self.console.say(t("plain.back.none"))
                continue
            way, notice = ways[chosen][1]()
            if way is not None and way is not Way.SPACE:
                return way

    def _logout(self) -> tuple[Way | None, str | None]:
        assert self.session is not None
        self.engine.access.logout(self.session)
        self.session = None
        return Way.HOME, None

    def _act(self, action: ProfileAction) -> Callable[[], tuple[Way | None, str | None]]:
        return lambda: self.carry_out(action)

    def _manage(self, person_id: int) -> Callable[[], tuple[Way | None, str | None]]:
        def manage() -> tuple[Way | None, str | None]:
            assert self.session is not None
            refused = self.engine.manage_profile(self.session, person_id)
            if isinstance(refused, Refused):
                return None, refused.message
            way = self.walk(Step.REPRESENTATIVE, household=True)
            return (None if way is Way.BACK else way), None

        return manage

    def who(self, person: Person) -> str:
        session = self.session
        if session is not None and person.id == session.account_id:
            return t("space.who.own")
        return t("space.who.child", name=person.full_name)

    def carry_out(self, action: ProfileAction) -> tuple[Way | None, str | None]:
        """An action of the space on the session's profile; the notice of what was done."""
        session = self.session
        assert session is not None
        before = self.status
        self.started()
        if action in (ProfileAction.ACTIVATE, ProfileAction.OPPOSE):
            preset = Choice.ACTIVATE if action is ProfileAction.ACTIVATE else Choice.OPPOSE
            way = self.walk(Step.DECISION, preset=preset)
            if self.status is False:  # went back without deciding
                self.status = before
            return way, None
        if action is ProfileAction.CLOSE:
            closed = self.close_profile()
            if closed is None:
                self.status = before
                return None, None
            closure = closed.closure
            on = format_date(closure.closed_at.date())
            if closure.deletion_due_at is not None:
                return None, t(
                    "space.closed.deletion", who=self.who(closed.person), date=on,
                    due=format_date(closure.deletion_due_at.date()),
                )
            return None, t("space.closed", who=self.who(closed.person), date=on)
        reopened = self.engine.space.reopen(session)
        if isinstance(reopened, Refused):
            self.status = before
            return None, reopened.message or next(iter(reopened.errors.values()), None)
        self.finished()
        when = reopened.person.status_date or self.engine.clock.now().date()
        return None, t("space.reopened", who=self.who(reopened.person), date=format_date(when))

    def manage_profile(self) -> Way:
        """« Gérer le profil » of a child in the space, once certified: what its status
        allows."""
        session = self.session
        assert session is not None
        notice: str | None = None
        while True:
            self.engine.catch_up()
            line = self.engine.space.line(self.engine.profile(session))
            self.header(t("manage_profile.title"), None, [self.words("manage_profile.help")])
            if notice:
                self.console.say(notice)
                notice = None
            self.console.say(
                t("manage_profile.who", name=line.person.full_name),
                t("manage_profile.status", status=line.label),
            )
            if line.actions:
                self.console.say(t("manage_profile.actions"))
                self.console.say(*(t(f"space.action.{a.value}.text") for a in line.actions))
            else:
                self.console.say(t("space.no_action"))
            options = [t(f"space.action.{a.value}") for a in line.actions]
            options.append(t("manage_profile.back"))
            try:
                chosen = self.pick(options)
            except GoBack:
                return Way.SPACE
            if chosen == len(line.actions):
                return Way.SPACE
            way, notice = self.carry_out(line.actions[chosen])
            if way is not None:
                return way

    def close_profile(self) -> Closed | None:
        session = self.session
        assert session is not None and session.account_id is not None
        form = flows.FLOWS["close_profile"].forms[0]
        person = self.engine.profile(session)
        own = person.id == session.account_id
        identifier = self.store.account_identifier(session.account_id) or ""
        delete_key = "close_profile.delete" if own else "close_profile.delete.child"
        fields = (form.fields[0], Field("delete", delete_key, kind=FieldKind.CHECK))
        asked = Form(form.name, form.title_key, form.help_key, form.intro_keys, fields)
        typed = Typed()
        try:
            closed = self.form_step(
                asked, typed,
                lambda: self.engine.space.close(
                    session,
                    password_raw=typed.get("password"),
                    delete_data=typed.get("delete") == "oui",
                ),
                lines=[] if own else [t("close_profile.child", name=person.full_name)],
                params={"identifier": identifier, "name": person.full_name},
            )
        except GoBack:
            return None
        self.finished()
        return closed
