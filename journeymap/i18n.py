"""Languages: which one the editor and the CLI speak, and loading the translations.

The user-visible strings are translated with Qt's tools: ``tr()`` /
``QCoreApplication.translate()`` in the code, ``resources/translations/journeymap_<lang>.ts``
edited in Qt Linguist, compiled to ``.qm`` by ``scripts/update-translations``.

Choosing the language, in order:

1. the Preferences setting ``ui/language`` ("en", "es"; empty or missing = follow the system);
2. ``JOURNEYMAP_LANG`` (handy for tests and for the CLI);
3. the system: ``QLocale.system()`` in the editor; ``LC_ALL`` / ``LC_MESSAGES`` / ``LANG`` in the CLI.

Contexts. lupdate files a module-level ``tr("...")`` helper call under the unnamed
context, while the helpers look the text up in a named one ("MainWindow",
"commands"...). :class:`FallbackTranslator` therefore retries the unnamed context
when the named one has no entry, so both kinds of call are translated.

This module imports no Qt at import time: the CLI only loads QtCore when it
actually needs a translator, and :func:`translate` is safe in headless services.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any

from journeymap import settings as app_settings
from journeymap.domain.messages import Message, Phrase, Subjectless
from journeymap.resources import resource

SUPPORTED: tuple[str, ...] = ("en", "es")
DEFAULT = "en"
LANGUAGE_KEY = app_settings.LANGUAGE.key
ENV_VAR = "JOURNEYMAP_LANG"
CATALOGUE = "journeymap"
TRANSLATIONS_DIR = resource("translations")

_current = DEFAULT
_loaded: list[Any] = []  # QTranslators of the current language, kept alive here
_installed: list[Any] = []  # those of them installed into the application, removed by the next install()


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark *text* for extraction under *context*; it is translated where it is shown."""
    return text


def normalize(code: str | None) -> str | None:
    """ "es_ES.UTF-8" → "es"; "" / "C" / "POSIX" → None; unsupported languages → "en"."""
    if not code:
        return None
    code = code.strip()
    if code in ("C", "POSIX") or code.startswith(("C.", "POSIX.")):
        return None
    lang = re.split(r"[_.@\-:]", code, maxsplit=1)[0].lower()
    if not lang:
        return None
    return lang if lang in SUPPORTED else DEFAULT


def env_language(environ: os._Environ[str] | dict[str, str] | None = None) -> str | None:
    """The language asked for by the environment: ``JOURNEYMAP_LANG``, then the POSIX locale variables."""
    env = os.environ if environ is None else environ
    for var in (ENV_VAR, "LC_ALL", "LC_MESSAGES", "LANG"):
        lang = normalize(env.get(var))
        if lang:
            return lang
    return None


def system_language() -> str:
    """The language of ``QLocale.system()`` if we have it, else English."""
    from PySide6.QtCore import QLocale

    return normalize(QLocale.system().name()) or DEFAULT


def stored_language(settings: Any = None) -> str:
    """The Preferences choice: "" (follow the system), "en" or "es"."""
    return app_settings.LANGUAGE.get(settings)


def preferred_language(settings: Any = None) -> str:
    """The editor's language: Preferences, else ``JOURNEYMAP_LANG``, else the system locale."""
    stored = stored_language(settings)
    if stored:
        return stored
    env = normalize(os.environ.get(ENV_VAR))
    return env or system_language()


def current_language() -> str:
    """The language the UI is currently translated to ("en" until :func:`install` says otherwise).

    New maps from templates, the sample document and the touchpoint library use it.
    """
    return _current


def _fallback_translator_class():
    from PySide6.QtCore import QTranslator

    class FallbackTranslator(QTranslator):
        """Looks a text up in its context, then in the unnamed context (see the module docstring)."""

        def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802 - Qt API
            text = super().translate(context, source_text, disambiguation, n)
            if not text and context:
                text = super().translate("", source_text, disambiguation, n)
            # None is Qt's null string, "no translation here": the next translator or the source is used.
            return text or None

    return FallbackTranslator


def qm_path(lang: str):
    return TRANSLATIONS_DIR / f"{CATALOGUE}_{lang}.qm"


def install(app: Any, lang: str) -> str:
    """Translate the application to *lang* ("en", "es"); returns the language in effect.

    Replaces any translators a previous call installed, so switching back to
    English works. *app* may be None (the CLI): the catalogues are then loaded
    but no application object is created, because the command may need a GUI
    application later and Qt allows only one (a QCoreApplication made here for
    the translator crashed the Spanish exports and the editor). Whoever creates
    the application calls :func:`attach`.
    """
    global _current
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    lang = normalize(lang) or DEFAULT
    _uninstall()
    ours = _fallback_translator_class()()
    if not ours.load(str(qm_path(lang))) and lang != DEFAULT:
        lang = DEFAULT  # no catalogue: English, with its plural forms if they are there
        ours.load(str(qm_path(lang)))
    if not ours.isEmpty():  # English: only the plural forms of "%n ..." texts
        _loaded.append(ours)
    if lang != DEFAULT:
        # Qt's own strings: standard dialog buttons, file dialogs, context menus.
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qtbase = QTranslator()
        if qtbase.load(f"qtbase_{lang}", qt_dir):
            _loaded.append(qtbase)
    _current = lang
    QLocale.setDefault(ui_locale(lang))  # dates and numbers Qt formats follow the UI language
    attach(app)
    return lang


def ui_locale(lang: str):
    """The system locale when it speaks *lang* (keeps es_MX's decimal point), else *lang*'s main one."""
    from PySide6.QtCore import QLocale

    system = QLocale.system()
    return system if normalize(system.name()) == lang else QLocale(lang)


def attach(app: Any = None) -> None:
    """Install the loaded catalogues into the application (once it exists); idempotent."""
    from PySide6.QtCore import QCoreApplication

    if (app or QCoreApplication.instance()) is None:
        return
    for translator in _loaded:
        if translator not in _installed:
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)


def _uninstall() -> None:
    if _installed:
        from PySide6.QtCore import QCoreApplication

        for translator in _installed:
            QCoreApplication.removeTranslator(translator)
    _installed.clear()
    _loaded.clear()


def install_for_cli(environ: dict[str, str] | None = None) -> str:
    """The CLI's language from the environment; Qt is loaded only when it is not English.

    No application object is created here (see :func:`install`).
    """
    lang = env_language(environ) or DEFAULT
    if lang == DEFAULT:
        return install_none()
    from PySide6.QtCore import QCoreApplication

    return install(QCoreApplication.instance(), lang)


def install_none() -> str:
    """English without loading Qt (removes translators a previous install() added)."""
    global _current
    _uninstall()
    _current = DEFAULT
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None:
        qtcore.QLocale.setDefault(ui_locale(DEFAULT))
    return DEFAULT


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate`` when Qt is loaded, else *text* (headless, English).

    With *n* ≥ 0 the text is a numerus form ("%n cards"): the catalogue picks the
    plural form of the language and ``%n`` becomes *n*.
    """
    if n >= 0 and not _loaded and _current == DEFAULT:
        install_english_plurals()  # English plurals live in the English catalogue: loaded on first use
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is None or (_current == DEFAULT and n < 0):
        return text.replace("%n", str(n)) if n >= 0 else text
    if qtcore.QCoreApplication.instance() is None or not _installed:
        result = None
        for translator in _loaded:
            result = translator.translate(context, text, disambiguation, n)
            if result:
                break
        result = result or text
        return result.replace("%n", str(n)) if n >= 0 else result
    return qtcore.QCoreApplication.translate(context, text, disambiguation, n)


def install_english_plurals() -> None:
    """Load the English catalogue (its plural forms only) without making an application."""
    from PySide6.QtCore import QCoreApplication

    install(QCoreApplication.instance(), DEFAULT)


# What a survey import decided (services.survey_layout.Note templates), for its summary.
# tests/test_i18n_catalogue.py checks each one still exists in journeymap/services.
IMPORT_NOTES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("ImportNote", "Import profile %1 applied."),
    QT_TRANSLATE_NOOP("ImportNote", "Header rows after the first, read as headers: %1."),
    QT_TRANSLATE_NOOP("ImportNote", "%1: values 1-11 are Qualtrics' default recode of 0-10; read as value - 1."),
    QT_TRANSLATE_NOOP("ImportNote", "%1: a 1-5 satisfaction scale, imported as sentiment (-1..+1), not as NPS."),
    QT_TRANSLATE_NOOP("ImportNote", "%1: a 1-7 satisfaction scale, imported as sentiment (-1..+1), not as NPS."),
    QT_TRANSLATE_NOOP("ImportNote", "%1: a derived column (group or category), not a score; ignored."),
    QT_TRANSLATE_NOOP("ImportNote", "%1: the overall NPS of the map (it names no touchpoint)."),
    QT_TRANSLATE_NOOP("ImportNote", "%1: names a title several touchpoints share; not imported."),
    QT_TRANSLATE_NOOP("ImportNote", "%1: names no touchpoint of this map; not imported."),
    QT_TRANSLATE_NOOP("ImportNote", "Dates in %1 read day first (from their values)."),
    QT_TRANSLATE_NOOP("ImportNote", "Dates in %1 read month first (from their values)."),
    QT_TRANSLATE_NOOP(
        "ImportNote", "Dates in %1 read day first: the values allow both, and the file looks Spanish-locale."
    ),
    QT_TRANSLATE_NOOP("ImportNote", "Dates in %1 read month first: the values allow both."),
    QT_TRANSLATE_NOOP(
        "ImportNote", "Dates in %1 read day first: the values allow both, so the app's language decides."
    ),
    QT_TRANSLATE_NOOP(
        "ImportNote", "Dates in %1 read month first: the values allow both, so the app's language decides."
    ),
    QT_TRANSLATE_NOOP("ImportNote", "Overall NPS answers stored: %1."),
    QT_TRANSLATE_NOOP("ImportNote", "Answers with a sentiment and no 0-10 score: %1."),
    QT_TRANSLATE_NOOP("ImportNote", "Answers whose date could not be read (imported without a date): %1."),
    QT_TRANSLATE_NOOP("ImportNote", "Unanswered cells skipped (blank, N/A, No aplica): %1."),
)

def error_text(exc: BaseException) -> str:
    """The message of *exc* in the current language.

    Errors that carry a declared message (``journeymap.domain.messages.MessageError``:
    documents, the editor) are translated by their id's context and text, with their
    arguments (a cause that is itself such an error, or a word that is a Message, is
    translated too).
    """
    message = str(exc)
    if _current == DEFAULT:
        return message
    declared = getattr(exc, "message", None)
    if isinstance(declared, Message):
        return fill(translate(declared.context, declared.text), *map(_argument_text, getattr(exc, "message_args", ())))
    template = getattr(exc, "template", None)
    if isinstance(template, str):  # an error that carries its message id and arguments (PhotoError)
        return fill(translate(getattr(exc, "context", ""), template), *getattr(exc, "args_", ()))
    return message


def _argument_text(value: object) -> object:
    """An argument of a message: a cause (an error) or a word (a Message) is translated too."""
    if isinstance(value, BaseException):
        return error_text(value)
    if isinstance(value, Message):
        return translate(value.context, value.text)
    if isinstance(value, Phrase):
        return fill(translate(value.message.context, value.message.text), *map(_argument_text, value.args))
    declared = getattr(value, "message", None)
    if isinstance(declared, Message) and isinstance(value, str):  # a Reject: the English str and its message
        return fill(translate(declared.context, declared.text), *map(_argument_text, value.message_args))
    if isinstance(value, Subjectless) and value.error.message is not None:
        return value.text(translate(value.error.message.context, value.error.message.text))
    return value


def reason_text(reason: Any) -> str:
    """Why an imported row was rejected (a ``RejectedRow``, or one ``Reject``), in the current language.

    The row's ``reasons`` carry their declared messages (``services.reject_reasons``);
    a row made without them (an old caller) shows its English ``reason`` as is.
    """
    reasons = getattr(reason, "reasons", None)
    if reasons is None:
        return str(_argument_text(reason))
    if not reasons:
        return str(reason.reason)
    return "; ".join(str(_argument_text(r)) for r in reasons)


def note_text(note: Any) -> str:
    """A survey import's note (``survey_layout.Note``) in the current language."""
    if _current == DEFAULT:
        return note.english()
    return fill(translate("ImportNote", note.template), *note.args)


def fill(text: str, *values: object) -> str:
    """Replace %1, %2... in a translated *text* (like ``QString.arg``)."""
    for i in range(len(values), 0, -1):  # %10 before %1
        text = text.replace(f"%{i}", str(values[i - 1]))
    return text


# argparse's own texts (it asks gettext for them); translated by translate_argparse().
ARGPARSE_TEXTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "can't open '%(filename)s': %(error)s"),
)


def translate_argparse() -> None:
    """Route argparse's gettext lookups through our translator when the CLI is not in English."""
    import argparse

    if _current == DEFAULT:
        return
    argparse._ = lambda text: translate("argparse", text)  # type: ignore[attr-defined]


# Labels defined where Qt is not imported (journeymap.domain) and translated where
# they are shown: channel labels (cards, inspector, filter) and sensation keywords
# (canvas filter). In the unnamed context, so every caller's context finds them.
# tests/test_i18n_catalogue.py checks they match journeymap.domain.
CHANNEL_LABELS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("", "Web"),
    QT_TRANSLATE_NOOP("", "Email"),
    QT_TRANSLATE_NOOP("", "Social media"),
    QT_TRANSLATE_NOOP("", "Store"),
    QT_TRANSLATE_NOOP("", "Phone"),
    QT_TRANSLATE_NOOP("", "Mobile app"),
    QT_TRANSLATE_NOOP("", "Live chat"),
    QT_TRANSLATE_NOOP("", "Advertising"),
    QT_TRANSLATE_NOOP("", "Print"),
    QT_TRANSLATE_NOOP("", "Post"),
    QT_TRANSLATE_NOOP("", "Event"),
    QT_TRANSLATE_NOOP("", "In person"),
    QT_TRANSLATE_NOOP("", "Partner"),
    QT_TRANSLATE_NOOP("", "SMS"),
    QT_TRANSLATE_NOOP("", "Video"),
)
SENSATION_WORDS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("MapScene", "positive"),
    QT_TRANSLATE_NOOP("MapScene", "neutral"),
    QT_TRANSLATE_NOOP("MapScene", "negative"),
)
