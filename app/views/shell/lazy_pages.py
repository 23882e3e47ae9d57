"""The main window's pages, each built the first time it is opened.

Building every page a person may open (eleven for after-sales, each starting its own first
read) before the window shows kept My tasks' first rows 0.5-1 s behind the click on Sign in
(issue 13): the window now builds only the page it shows, and the others when first asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtWidgets import QStackedWidget, QWidget


class LazyPages(Mapping[str, QWidget]):
    """The pages by key, in navigation order; reading one builds it if it was never opened.

    Each page holds its place in the stack with an empty widget until it is built, so the
    stack's indexes stay the navigation's rows. Asking whether a page is there, or listing the
    keys, builds nothing.
    """

    def __init__(self, stack: QStackedWidget, build: Callable[[str], QWidget]) -> None:
        self._stack, self._build = stack, build
        self._keys: list[str] = []
        self._built: dict[str, QWidget] = {}

    def add(self, key: str) -> None:
        self._keys.append(key)
        self._stack.addWidget(QWidget())

    def is_built(self, key: str) -> bool:
        return key in self._built

    def __getitem__(self, key: str) -> QWidget:
        page = self._built.get(key)
        if page is not None:
            return page
        if key not in self._keys:
            raise KeyError(key)
        active = self._stack.window().isActiveWindow()
        page = self._build(key)
        index = self._keys.index(key)
        placeholder = self._stack.widget(index)
        self._stack.insertWidget(index, page)
        self._stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self._built[key] = page
        if active:
            # a page that shows a child before giving it a parent (a button made visible
            # before it joins its layout) briefly makes it a window of its own, which takes
            # the keyboard and leaves none active when it closes: the Alt+letter shortcuts
            # and typing would stop working after the page's first opening
            self._stack.window().activateWindow()
        return page

    def __contains__(self, key: object) -> bool:  # Mapping's own would build the page
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)
