"""Every message, label and helpline of Small Steps (see README.md in this folder).

The folder sits at the top of the repository, where writers and translators look for it; the
build maps it to the package `bot.content` (pyproject.toml), so a wheel and an image carry it as
package data and the loader finds it through this module.
"""
