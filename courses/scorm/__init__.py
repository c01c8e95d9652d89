"""SCORM 1.2 and 2004 packages as lessons (issue #16). So far: a package is checked whole before
anything of it is kept (packages.package_inspect); playing it, its runtime API and its tracking come
next."""
