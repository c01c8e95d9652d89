"""SCORM 1.2 and 2004 packages (issue #16). So far: a package is checked whole before anything of it
is kept (packages.package_inspect), then unpacked into the private storage and listed for trainers
and HR in the admin ("Paket SCORM"). Playing it in a lesson, its runtime API and its tracking come
next."""
