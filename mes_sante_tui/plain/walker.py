"""The plain mode's journeys: the same descriptions (`core/journey.py` for the steps of each
variant, `core/flows.py` for what each step and sub-flow asks) over the same engine as the
screens, said as lines and asked one question at a time.

Each journey returns where the person goes next, a `Way`: the home page, the login, the
logged-in space. `Plain.status` follows whether the last journey went to its end, which the
exit status says.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum
from typing import Any, overload

from mes_sante_tui.core import flows
from mes_sante_tui.core.access import AccountFound, Done, LoggedIn
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
    OtpSent,
    Outcome,
    Session,
)
from mes_sante_tui.core.flows import Field, FieldKind, Form
from mes_sante_tui.core.journey import Back, JourneyDescription, Step, describe
from mes_sante_tui.core.models import Channel, Person
from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import JourneyVariant, Settings
from mes_sante_tui.core.space import Closed, ProfileAction, actions_for
from mes_sante_tui.core.status import status_label
from mes_sante_tui.wording import count, t, t_variant

from .console import Console, GoBack


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
        """The catalogue's text of `key` in the variant's words, its placeholders filled."""
        params.setdefault("version", self.settings.rule_version.value)
        return t_variant(key, self.variant.value, **params)

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
            channel = t(f"widget.outbox.channel.{message.channel.value}")
            when = message.at.strftime("%d/%m/%Y %H:%M")
            lines.append("")
            lines.append(f"{number}. {t('widget.outbox.when', channel=channel, date=when)}")
            if message.sender:
                lines.append(t("widget.outbox.sender", sender=message.sender))
            lines.append(t("widget.outbox.full", address=message.address))
            if message.subject:
                lines.append(t("widget.outbox.subject", subject=message.subject))
            lines.extend(message.body.splitlines())
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
            self.header(t("home.title"), None, [t("home.help")])
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
                return self.form_step(
                    step, typed,
                    lambda s: self.engine.check_birth_date(s, typed.get("birth_date")),
                )
            case Step.VITALE:
                return self.form_step(
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
        self.header(t(f"outcome.{outcome}.title"), step, [t("outcome.help")])
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

    def form_step(
        self,
        step: Step,
        typed: Typed,
        call: Callable[[Session], object],
        notice: str | None = None,
    ) -> Way | str | None:
        """A step whose fields are asked, then handed to one engine call."""
        session = self.session
        assert session is not None
        form = flows.STEP_FORMS[step]
        again = AskAgain()
        while True:
            self.show_form(form, step)
            if notice:
                self.console.say(notice)
                notice = None
            self.fill(form, typed, again.fields)
            result = call(session)
            if not isinstance(result, Refused):
                return None
            after = self.after_refusal(form, result, step, only_errors=True)
            if not isinstance(after, AskAgain):
                return after
            again = after

    def identify_step(self, typed: Typed, notice: str | None) -> Way | str | None:
        def identify(session: Session) -> Identified | Refused:
            return self.engine.identify_with_code(
                session, code=typed.get("code"), nir=typed.get("nir"), model=self.model(typed),
                serial=typed.get("serial"),
            )

        return self.form_step(Step.IDENTIFY, typed, identify, notice)

    def choose_profile(self, step: Step | None) -> Way | str | None:
        session = self.session
        assert session is not None
        form = flows.STEP_FORMS[Step.CHOOSE_PROFILE]
        people = [self.store.person(i) for i in session.candidates]
        options = [(str(p.id), f"{p.full_name} — {status_label(p)}") for p in people]
        typed = Typed()
        while True:
            self.show_form(form, step)
            self.fill(form, typed, options={"profile": options})
            result = self.engine.choose_profile(session, int(typed.get("profile")))
            if isinstance(result, Accepted):
                return None
            self.after_refusal(form, result)

    def representative_step(self) -> Way | str | None:
        session = self.session
        assert session is not None
        child = self.engine.profile(session).full_name
        form = flows.STEP_FORMS[Step.REPRESENTATIVE]
        typed = Typed()
        while True:
            self.show_form(form, Step.REPRESENTATIVE, name=child)
            self.fill(form, typed, name=child)
            result = self.engine.certify_representative(session, typed.get("certify") == "yes")
            if isinstance(result, Accepted):
                return None
            # Logged in, « not the representative » stays on the form, as on the screen:
            # going back leads to the space, still logged in.
            on_form = self.logged_in and result.outcome == Outcome.NOT_REPRESENTATIVE
            after = self.after_refusal(
                form, result, None if on_form else Step.REPRESENTATIVE, name=child
            )
            if not isinstance(after, AskAgain):
                return after

    def code_step(self, typed: Typed) -> Way | str | None:
        """« Mon code provisoire » (identity first): where to receive it, then the code."""
        session = self.session
        assert session is not None
        form = flows.STEP_FORMS[Step.CODE]
        channels = self.engine.channels(session)
        while True:
            self.show_form(form, Step.CODE)
            if [o.channel for o in channels] == [Channel.LETTER]:
                self.console.say(t("send_code.letter_only"))
            self.fill(form, typed, options={"channel": self.channel_options(channels)})
            sent = self.engine.send_code(session, Channel(typed.get("channel")))
            if isinstance(sent, Refused):
                after = self.after_refusal(form, sent, Step.CODE)
                if not isinstance(after, AskAgain):
                    return after
                continue
            try:
                return self.code_entry(sent)
            except GoBack:
                continue  # back to where to receive it

    def code_entry(self, sent: CodeSent) -> Way | str | None:
        session = self.session
        assert session is not None
        form = flows.CODE_ENTRY
        typed = Typed()
        self.header(t(f"code.entry.{sent.channel.value}"), Step.CODE, [t(form.help_key)])
        self.console.say(t(f"code.sent.{sent.channel.value}", masked=sent.masked))
        while True:
            self.fill(form, typed)
            result = self.engine.verify_code(session, typed.get("code"))
            if isinstance(result, Accepted):
                return None
            after = self.after_refusal(form, result, Step.CODE)
            if not isinstance(after, AskAgain):
                return after

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
            self.header(title, Step.DECISION, [t(form.help_key)])
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
                self.show_form(edit, Step.CONTACTS)
                self.fill(edit, typed)
            except GoBack:
                return False
            sent = self.engine.request_contact_change(session, kind, typed.get(kind.value))
            if not isinstance(sent, OtpSent):
                self.after_refusal(edit, sent)
                continue
            code = Typed()
            try:
                self.show_form(check, Step.CONTACTS)
                self.console.say(t(f"otp.sent.{kind.value}", target=sent.target))
                while True:
                    self.fill(check, code)
                    result = self.engine.confirm_contact_change(session, code.get("otp"))
                    if isinstance(result, Accepted):
                        return True
                    self.after_refusal(check, result)
            except GoBack:
                continue

    def account_step(self, typed: Typed) -> Way | str | None:
        session = self.session
        assert session is not None
        form = flows.STEP_FORMS[Step.ACCOUNT]
        again = AskAgain()
        while True:
            self.show_form(form, Step.ACCOUNT)
            self.fill(form, typed, again.fields, password_rules=self.engine.password_rules)
            result = self.engine.create_account(
                session,
                identifier_raw=typed.get("identifier"),
                password_raw=typed.get("password"),
                confirmation=typed.get("confirmation"),
            )
            if isinstance(result, Activated):
                self.last_identifier = result.identifier
                return None
            after = self.after_refusal(form, result, Step.ACCOUNT, only_errors=True)
            if not isinstance(after, AskAgain):
                return after
            again = after

    def success_step(self) -> Way | str | None:
        session = self.session
        self.finished()
        title = (
            t("success.title.identity")
            if self.variant is JourneyVariant.IDENTITY_FIRST
            else t("success.title")
        )
        self.header(title, Step.SUCCESS, [t("success.help")])
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
        again = AskAgain()
        while True:
            try:
                self.show_form(form, Step.IDENTIFY)
                self.console.say(t("birth_date.for_whom"))
                self.fill(form, typed, again.fields)
            except GoBack:
                carried.values.update({k: v for k, v in typed.values.items() if k != "birth_date"})
                return None
            found = self.engine.identify_by_identity(
                session, nir=typed.get("nir"), birth_date=typed.get("birth_date"),
                model=self.model(typed), serial=typed.get("serial"), step="regenerer_code",
            )
            if not isinstance(found, Found):
                after = self.after_refusal(form, found, Step.IDENTIFY, only_errors=True)
                if not isinstance(after, AskAgain):
                    return None
                again = after
                continue
            again = AskAgain()
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
        typed = Typed()
        while True:
            self.show_form(form, Step.IDENTIFY)
            if person is not None and person.parent_id is not None:
                self.console.say(t("send_code.for_child", name=person.full_name))
            if [o.channel for o in channels] == [Channel.LETTER]:
                self.console.say(t("send_code.letter_only"))
            self.fill(form, typed, options={"channel": self.channel_options(channels)})
            sent = self.engine.send_code(session, Channel(typed.get("channel")))
            if isinstance(sent, CodeSent):
                return sent
            self.after_refusal(form, sent, Step.IDENTIFY)
            if sent.outcome:  # whatever way was chosen: the regeneration's form again
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
        while True:
            self.fill(form, typed)
            checked = check_folder(typed.get("folder"))
            if checked.value is None:
                message = checked.error or t("opposition.done.folder.required")
                self.after_refusal(form, Refused(errors={"folder": message}))
                continue
            cert = opposition_certificate(opposed.person, opposed.decided_on)
            try:
                pdf, txt = save_certificate(cert, checked.value)
            except OSError:
                failed = t("opposition.done.save_failed", folder=str(checked.value))
                self.after_refusal(form, Refused(errors={"folder": failed}))
                continue
            self.console.say(t("opposition.done.saved", pdf=str(pdf), txt=str(txt)))
            return str(txt), cert.text

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
            if isinstance(logged, Refused):
                self.after_refusal(form, logged)

    def one_time_code(
        self, form: Form, sent_text: str, check: Callable[[str], object]
    ) -> object:
        """The one-time code: asked until right; a refusal with an outcome (locked) is
        handed back."""
        self.show_form(form, None)
        self.console.say(sent_text)
        typed = Typed()
        while True:
            self.fill(form, typed)
            result = check(typed.get("otp"))
            if not isinstance(result, Refused) or result.outcome:
                return result
            self.after_refusal(form, result)

    @staticmethod
    def where(sent: CodeSent) -> str:
        return t(f"recovery.where.{sent.channel.value}", masked=sent.masked)

    def recovery_channel(self, form: Form, found: AccountFound, purpose: str) -> CodeSent | None:
        """Where to send the identifier or the code; None when the person went back."""
        session = self.session
        assert session is not None
        access = self.engine.access
        typed = Typed()
        while True:
            self.show_form(form, None)
            if [o.channel for o in found.channels] == [Channel.LETTER]:
                self.console.say(t("recovery_channel.letter_only"))
            try:
                self.fill(form, typed, options={"channel": self.channel_options(found.channels)})
            except GoBack:
                return None
            channel = Channel(typed.get("channel"))
            sent = (
                access.send_identifier(session, channel)
                if purpose == "identifier"
                else access.send_password_code(session, channel)
            )
            if isinstance(sent, CodeSent):
                return sent
            self.after_refusal(form, sent)

    def recover_identifier(self) -> CodeSent | None:
        session = self.session
        assert session is not None
        form, channel = flows.FLOWS["recover_identifier"].forms
        typed = Typed()
        again = AskAgain()
        while True:
            try:
                self.show_form(form, None)
                self.fill(form, typed, again.fields)
            except GoBack:
                return None
            found = self.engine.access.find_for_identifier(
                session, nir=typed.get("nir"), birth_date=typed.get("birth_date")
            )
            if not isinstance(found, AccountFound):
                again = self.after_refusal(form, found, only_errors=True)
                continue
            again = AskAgain()
            sent = self.recovery_channel(channel, found, "identifier")
            if sent is not None:
                return sent

    def recover_password(self) -> bool:
        session = self.session
        assert session is not None
        form, channel, code, new = flows.FLOWS["recover_password"].forms
        access = self.engine.access
        typed = Typed()
        again = AskAgain()
        while True:
            try:
                self.show_form(form, None)
                self.fill(form, typed, again.fields)
            except GoBack:
                return False
            found = access.find_for_password(
                session, nir=typed.get("nir"), birth_date=typed.get("birth_date"),
                model=self.model(typed), serial=typed.get("serial"),
            )
            if not isinstance(found, AccountFound):
                again = self.after_refusal(form, found, only_errors=True)
                continue
            again = AskAgain()
            sent = self.recovery_channel(channel, found, "password")
            if sent is None:
                continue
            try:
                checked = self.one_time_code(
                    code,
                    t(f"recovery_code.sent.{sent.channel.value}", masked=sent.masked),
                    lambda raw: access.verify_password_code(session, raw),
                )
                if not isinstance(checked, Done):
                    if isinstance(checked, Refused):
                        self.after_refusal(code, checked)
                    continue
                if self.new_password(new):
                    return True
            except GoBack:
                continue

    def new_password(self, form: Form) -> bool:
        session = self.session
        assert session is not None
        typed = Typed()
        while True:
            self.show_form(form, None)
            self.fill(form, typed, password_rules=self.engine.access.password_rules)
            result = self.engine.access.reset_password(
                session, password_raw=typed.get("password"), confirmation=typed.get("confirmation")
            )
            if isinstance(result, Done):
                return True
            self.after_refusal(form, result)

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
            self.header(t("space.title"), None, [t("space.help")])
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
            self.header(t("manage_profile.title"), None, [t("manage_profile.help")])
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
        while True:
            try:
                self.show_form(asked, None)
                if not own:
                    self.console.say(t("close_profile.child", name=person.full_name))
                self.fill(asked, typed, identifier=identifier, name=person.full_name)
            except GoBack:
                return None
            closed = self.engine.space.close(
                session,
                password_raw=typed.get("password"),
                delete_data=typed.get("delete") == "oui",
            )
            if isinstance(closed, Closed):
                self.finished()
                return closed
            self.after_refusal(asked, closed, identifier=identifier, name=person.full_name)
