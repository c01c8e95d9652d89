"""The admin's and the API's part of EXPECTATIONS, and EXPECTATIONS itself (the whole table).

Every screen here is HR's (`admin()`: HR with TOTP and the superuser get in; no admin role -> 403
at the door; a role without TOTP -> the set-up; trainers -> Wagtail's refusal), except the course
reports, which a trainer sees for the courses they train only (another course -> 404).
"""

from django.urls import reverse

from .cases import WITHOUT_COPY, Case, count_of, u, urls, values_of, viewset
from .conftest import ANONIM, HR_TOTP, SUPERUSER
from .expectations import ALLAUTH, ROUND, SITE
from .inventory import DJANGO_ADMIN_BLOCK, WAGTAIL_ADMIN_BLOCK
from .outcomes import LOGGED_IN, WITHOUT_TOTP, admin, everyone

EVENT = "an event open to everyone (its attendance list is HR's)"
IMPORT = "an import job: HR's work, over a whole unit"
HR_OBJECT = "HR's own data (dictionary, standards, units, mappings), not an employee's"
OTHER_COURSE = {"pelatih_t1": "200", "pelatih_t2": "404"}

ADMIN = {
    # The admin's login and password reset are allauth's (the door still applies to the logged in).
    "admin/login/": [Case(lambda w: "/admin/login/", admin(staff="login", trainers="login", anonim="login"))],
    "admin/password_reset/": [
        Case(lambda w: "/admin/password_reset/", admin(staff="302", trainers="302", anonim="302"))
    ],
    "django-admin/login/": [
        Case(lambda w: "/django-admin/login/", admin(trainers="403", hr_totp="403", superuser="login", anonim="login"))
    ],
    # People (portal.people, portal.privacy).
    **viewset("pegawai", "p", other="q"),
    **viewset("unit-kerja", "unit_a", public=HR_OBJECT),
    **viewset("jabatan", "position", public=HR_OBJECT),
    "people_account_create": [
        Case(u("people_account_create", "r"), admin(), others=urls(u("people_account_create", "q")))
    ],
    "people_employee_anonymise": [
        Case(u("people_employee_anonymise", "p"), admin(), others=urls(u("people_employee_anonymise", "q"))),
        Case(
            u("people_employee_anonymise", "p"),
            # P still works here: HR is told so (400); anyone else is refused and P keeps their name.
            admin(staff="400|302"),
            label="POST",
            method="POST",
            get="200",
            unchanged=values_of("people.Employee", "name", "nip"),
            others=urls(u("people_employee_anonymise", "q")),
        ),
    ],
    "people_activation_code": [
        Case(u("people_activation_code", "r"), admin(), others=urls(u("people_activation_code", "q"))),
        Case(
            u("people_activation_code", "r"),
            admin(staff="200|400"),
            label="POST",
            method="POST",
            get="200",
            unchanged=count_of("people.ActivationCode"),
            others=urls(u("people_activation_code", "q")),
        ),
    ],
    "people_account_unlink": [
        Case(u("people_account_unlink", "p"), admin(), others=urls(u("people_account_unlink", "q"))),
        Case(
            u("people_account_unlink", "p"),
            admin(staff="302|400"),
            label="POST",
            method="POST",
            get="200",
            unchanged=values_of("people.Employee", "user_id"),
            others=urls(u("people_account_unlink", "q")),
        ),
    ],
    # Who read or exported personal data (portal.audit): HR's, over everyone.
    **viewset("jejak-audit", "audit_p", views=("index", "index_results", "inspect"), other="audit_q"),
    # Competency dictionary, standards, assessments, gaps.
    **viewset("kompetensi", "competency", public=HR_OBJECT),
    **viewset("standar-jabatan", "standard", views=WITHOUT_COPY, public=HR_OBJECT),
    **viewset("asesmen-kompetensi", "p_assessment", views=WITHOUT_COPY, other="q_assessment"),
    **viewset("kesenjangan-kompetensi", "p_gap", views=("index", "index_results", "inspect"), other="q_gap"),
    "kompetensi-impor:index": [Case(u("kompetensi-impor:index"), admin())],
    "kompetensi-impor:template": [Case(u("kompetensi-impor:template", "=csv"), admin(), public="a blank template")],
    # Appraisals, mappings, imports, API tokens, HR reports.
    **viewset("penilaian-skp", "p_appraisal", other="q_appraisal"),
    **viewset("pemetaan-area-lemah", "mapping", public=HR_OBJECT),
    "appraisal_heatmap": [Case(u("appraisal_heatmap"), admin())],
    "appraisal_heatmap_cell": [
        Case(u("appraisal_heatmap_cell", "unit_a", "competency"), admin(), public="a unit's cell of HR's report")
    ],
    "appraisal_jp": [Case(u("appraisal_jp"), admin())],
    "appraisal_training_history": [Case(u("appraisal_training_history"), admin())],
    # SCORM packages: trainers and HR upload and list them (courses.scorm).
    "scorm_packages": [
        Case(u("scorm_packages"), admin(trainers="200"), public="the packages are course material, not anyone's record")
    ],
    # Deleting one: HR, or the trainer who uploaded it (the world's was uploaded by HR). The world's
    # package plays in a lesson, so even HR is told why it stays (400) and it stays.
    "scorm_package_delete": [
        Case(
            lambda w: reverse("scorm_package_delete", args=[w.scorm_package.pk]),
            admin(trainers="403"),
            public="the packages are course material, not anyone's record",
        ),
        Case(
            lambda w: reverse("scorm_package_delete", args=[w.scorm_package.pk]),
            admin(staff="400", trainers="403"),
            label="POST",
            method="POST",
            get="200",
            unchanged=count_of("scorm.ScormPackage"),
            public="the packages are course material, not anyone's record",
        ),
    ],
    # The xAPI statement log (courses.xapi) and its "send the failed ones again".
    "xapi_log": [Case(u("xapi_log"), admin())],
    "xapi_resend": [Case(u("xapi_resend"), admin(staff="302"), method="POST")],
    # HR's chooser of employees (officer codes): every view behind HR's door.
    "pilih-pegawai:choose": [Case(u("pilih-pegawai:choose"), admin())],
    "pilih-pegawai:choose_results": [Case(u("pilih-pegawai:choose_results"), admin())],
    "pilih-pegawai:chosen": [
        Case(u("pilih-pegawai:chosen", "p"), admin(), public="HR chooses any employee; no one else gets in")
    ],
    "pilih-pegawai:chosen_multiple": [Case(u("pilih-pegawai:chosen_multiple"), admin())],
    "pilih-pegawai:create": [Case(u("pilih-pegawai:create"), admin())],
    # The public satisfaction survey: HR's index, moderation and service points.
    "skm_report": [Case(u("skm_report"), admin())],
    "skm_service_point": [
        Case(u("skm_service_point", "service_point"), admin(), public="a service point's aggregate results")
    ],
    "skm_suggestions": [Case(u("skm_suggestions"), admin())],
    "skm_report_pdf": [Case(u("skm_report_pdf"), admin())],
    "skm_poster": [Case(u("skm_poster", "service_point"), admin(), public="a service point's public poster")],
    "skm_apply": [Case(u("skm_apply"), admin(staff="302"), method="POST")],
    "skm_suggestions_moderate": [Case(u("skm_suggestions_moderate"), admin(staff="302"), method="POST")],
    **viewset("titik-layanan", "service_point", public=HR_OBJECT),
    # Peer (360°) feedback: HR's rounds and a round's page (completion counts, never who rates whom).
    "peer_round_detail": [
        Case(u("peer_round_detail", "peer_round"), admin(), public="a round's completion counts, no one's answers")
    ],
    "peer_round_open": [
        Case(
            u("peer_round_open", "peer_round"),
            admin(staff="302"),
            method="POST",
            unchanged=count_of("feedback.PeerReview"),
            public="HR's work on a round, not anyone's record",
        )
    ],
    "peer_round_publish": [
        Case(
            u("peer_round_publish", "peer_round"),
            admin(staff="302"),
            method="POST",
            unchanged=values_of("feedback.PeerRound", "results_published_at"),
            public="HR's work on a round, not anyone's record",
        )
    ],
    **viewset("putaran-rekan", "peer_round", public=HR_OBJECT),
    # Learning outside the portal: HR reads every record, writes none (employees and the import do).
    **viewset(
        "pengembangan-luar",
        "external_p",
        views=("index", "index_results", "inspect"),
        other="external_q",
        trainers="deny",
    ),
    **viewset(
        "pengembangan-luar",
        "external_p",
        views=("add", "edit", "delete", "history", "history_results", "usage"),
        other="external_q",
        trainers="deny",
        hr_totp="deny",
    ),
    "external_attendance_import": [Case(u("external_attendance_import"), admin())],
    "development_plans": [Case(u("development_plans"), admin())],
    "development_needs": [Case(u("development_needs"), admin())],
    "external_attendance_template": [Case(u("external_attendance_template"), admin())],
    "appraisal_closure": [Case(u("appraisal_closure"), admin())],
    "appraisal_assign": [Case(u("appraisal_assign"), admin())],
    "appraisal_assignments": [Case(u("appraisal_assignments"), admin())],
    "appraisal_assignment_due": [
        Case(u("appraisal_assignment_due", "assignment"), admin(), public="HR's work on an employee's assignment")
    ],
    "appraisal_assignment_cancel": [
        Case(u("appraisal_assignment_cancel", "assignment"), admin(), public="HR's work on an employee's assignment")
    ],
    "appraisal_import": [Case(u("appraisal_import"), admin())],
    "appraisal_import_job": [Case(u("appraisal_import_job", "import_job"), admin(), public=IMPORT)],
    "appraisal_import_status": [Case(u("appraisal_import_status", "import_job"), admin(), public=IMPORT)],
    "appraisal_import_errors": [Case(u("appraisal_import_errors", "import_job"), admin(), public=IMPORT)],
    "appraisal_import_run": [
        Case(
            u("appraisal_import_run", "import_job"),
            admin(staff="302"),
            method="POST",
            unchanged=values_of("appraisal_link.AppraisalImport", "status"),
            public=IMPORT,
        )
    ],
    "appraisal_import_file": [Case(u("appraisal_import_file", "import_job"), admin(), public=IMPORT)],
    "appraisal_import_template": [Case(u("appraisal_import_template", "=csv"), admin(), public="a blank template")],
    "appraisal_api_tokens": [Case(u("appraisal_api_tokens"), admin())],
    "appraisal_api_token_revoke": [
        Case(
            u("appraisal_api_token_revoke", "api_token"),
            admin(staff="302"),
            method="POST",
            unchanged=values_of("appraisal_link.ApiToken", "revoked_at"),
            public="a service account's token, HR's to manage",
        )
    ],
    # Courses: reports for HR and each course's own trainers.
    "course_report_index": [Case(u("course_report_index"), admin(trainers="200"))],
    "course_report": [
        Case(u("course_report", "c1"), admin(**OTHER_COURSE), others=urls(u("course_report", "c1"))),
        Case(
            u("course_report", "c1", query="?format=csv"),
            admin(**OTHER_COURSE),
            label="csv",
            others=urls(u("course_report", "c1", query="?format=csv")),
        ),
    ],
    "course_trainers": [
        Case(
            u("course_trainers", "c1"),
            admin(staff="302"),
            method="POST",
            data=lambda w: {"user": w.users["pelatih_t2"].pk},
            unchanged=count_of("courses.CourseTrainer"),
            others=urls(u("course_trainers", "c1")),
        )
    ],
    "appraisal_course_assign": [
        Case(
            u("appraisal_course_assign", "c1"),
            admin(staff="302"),
            method="POST",
            data=lambda w: {"nips": w.q.nip, "due_date": "2099-12-31"},
            unchanged=count_of("appraisal_link.Assignment"),
            others=urls(u("appraisal_course_assign", "c1")),
        )
    ],
    "certificate_revoke": [
        Case(u("certificate_revoke", "p_certificate"), admin(), others=urls(u("certificate_revoke", "q_certificate"))),
        Case(
            u("certificate_revoke", "p_certificate"),
            admin(staff="302"),
            label="POST",
            method="POST",
            get="200",
            data=lambda w: {"reason": "Uji matriks akses."},
            unchanged=values_of("courses.Certificate", "revoked_at"),
            others=urls(u("certificate_revoke", "q_certificate")),
        ),
    ],
    # The change hub's admin screens.
    **viewset("survei-denyut", "survey_p", views=WITHOUT_COPY, public=ROUND),
    "survei-denyut:copy_round": [Case(u("survei-denyut:copy_round", "survey_p"), admin(), public=ROUND)],
    "change_admin:event-list": [Case(u("change_admin:event-list"), admin())],
    "change_admin:event-attendance": [Case(u("change_admin:event-attendance", "event"), admin(), public=EVENT)],
    "change_admin:event-sign-in-sheet": [Case(u("change_admin:event-sign-in-sheet", "event"), admin(), public=EVENT)],
    "change_adoption:dashboard": [Case(u("change_adoption:dashboard"), admin())],
}

API = {
    # Machines with a token only: a browser session, whoever's, is not a credential here.
    "api_appraisals": [
        Case(
            u("api_appraisals"),
            everyone("401"),
            method="POST",
            get="401",
            data=lambda w: [],
            unchanged=count_of("appraisal_link.Appraisal"),
        )
    ],
    "api_openapi": [Case(u("api_openapi"), everyone("200"))],
}

SUPERUSER_ONLY = {
    ANONIM: "login",
    **dict.fromkeys(LOGGED_IN, "403"),
    **dict.fromkeys(WITHOUT_TOTP, "mfa"),
    SUPERUSER: "200",
}
BLOCKS = {
    # Django's admin: the superuser (with TOTP) only; a sample of its screens.
    DJANGO_ADMIN_BLOCK: [
        Case(lambda w: reverse("admin:index"), SUPERUSER_ONLY, label="beranda"),
        Case(lambda w: reverse("admin:account_emailaddress_changelist"), SUPERUSER_ONLY, label="email"),
        Case(lambda w: reverse("admin:mfa_authenticator_changelist"), SUPERUSER_ONLY, label="autentikator"),
        Case(lambda w: reverse("admin:auth_group_changelist"), SUPERUSER_ONLY, label="grup"),
    ],
    # Wagtail's own admin: a sample.
    WAGTAIL_ADMIN_BLOCK: [
        Case(lambda w: reverse("wagtailadmin_home"), admin(trainers="200"), label="beranda"),
        Case(lambda w: reverse("wagtailadmin_explore_root"), admin(trainers="ok", staff="ok"), label="halaman"),
        Case(lambda w: reverse("wagtailadmin_pages:edit", args=[w.c1.pk]), admin(trainers="200"), label="ubah-kursus"),
        Case(lambda w: reverse("wagtailimages:index"), admin(trainers="200"), label="gambar"),
        Case(lambda w: reverse("wagtailusers_users:index"), admin(**{HR_TOTP: "deny"}), label="pengguna"),
        Case(
            lambda w: reverse("wagtailusers_users:edit", args=[w.p.user_id]),
            admin(**{HR_TOTP: "deny"}),
            label="ubah-pengguna",
        ),
    ],
}

EXPECTATIONS: dict[str, list[Case]] = {**SITE, **ALLAUTH, **ADMIN, **API, **BLOCKS}
