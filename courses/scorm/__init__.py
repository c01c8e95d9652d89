"""SCORM 1.2 and 2004 packages (issue #16). So far: a package is checked whole before anything of it
is kept (packages.package_inspect), unpacked into the private storage and listed for trainers and HR
in the admin ("Paket SCORM"); a lesson plays it in a sandboxed frame from the portal's own origin
(views.package_file_view). The runtime API (API, API_1484_11) and its tracking come next."""
