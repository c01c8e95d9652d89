"""The site's part of EXPECTATIONS (the admin's and the API's are in admin_expectations.py): for
every URL key (inventory.py), how to build its URL from the world (conftest.py), the method, and
what each role must get (outcomes.py).

A new URL pattern fails test_every_url_has_an_expectation until it has an entry here or there. Add
it to the section of its app, with the rule it follows: `members` (any logged-in user), `owner_only`
(pegawai P's object: P, P's supervisor X, HR with TOTP), `admin` (a Wagtail admin screen), or
cell by cell. A URL that names an object also says whose it is: `others` builds URLs of another
person's objects (test_another_persons_object_is_404), or `public` says why it is nobody's.
"""

from django.urls import reverse

from .cases import Case, count_of, page, u, urls, values_of
from .conftest import ATASAN_X, HR_TOTP, SUPERUSER
from .outcomes import everyone, members, owner_only

ROUND = "a survey round: every employee answers it"
COURSE = "a course of the public catalogue"
# P's quiz attempt and certificate in course C1: P, C1's trainer and HR with TOTP (the supervisor
# follows P's learning on /tim/<id>/ instead).
LEARNER_RECORD = members("404", pegawai_p="200", pelatih_t1="200", hr_totp="200", superuser="200")
OWN_ONLY_FOR_OTHERS = {ATASAN_X: "404", HR_TOTP: "404", SUPERUSER: "404"}

# --- The site ------------------------------------------------------------------------------------
SITE = {
    "healthz": [Case(u("healthz"), everyone("200"))],
    "sitemap": [Case(u("sitemap"), everyone("200"))],
    "robots": [Case(u("robots"), everyone("200"))],
    "dashboard": [Case(u("dashboard"), members("200"))],
    "notifications:list": [Case(u("notifications:list"), members("200"))],
    "notifications:open": [
        Case(
            u("notifications:open", "p_notification"),
            # One's own notifications only: not even a supervisor or HR opens someone else's.
            owner_only("302", **OWN_ONLY_FOR_OTHERS),
            method="POST",
            unchanged=values_of("notifications.Notification", "read_at"),
            others=urls(u("notifications:open", "q_notification")),
        )
    ],
    "notifications:read": [
        Case(
            u("notifications:read", "p_notification"),
            owner_only("302", **OWN_ONLY_FOR_OTHERS),
            method="POST",
            unchanged=values_of("notifications.Notification", "read_at"),
            others=urls(u("notifications:read", "q_notification")),
        )
    ],
    "notifications:read_all": [Case(u("notifications:read_all"), members("302"), method="POST")],
    "notifications:preferences": [Case(u("notifications:preferences"), members("200"))],
    "my_data": [Case(u("my_data"), members("200"))],
    "my_data_download": [Case(u("my_data_download"), members("200"))],
    "my_competency": [Case(u("my_competency"), members("200"))],
    "team": [
        Case(
            u("team"),
            members(
                "403",
                atasan_x="200",
                atasan_y_sejawat="200",
                atasan_z_unit_lain="200",
                atasan_tanpa_totp="mfa",
                hr_tanpa_totp="mfa",
                hr_totp="200",
                superuser="200",
            ),
        )
    ],
    "team_member": [
        Case(
            u("team_member", "p"),
            owner_only("200", atasan_tanpa_totp="mfa", hr_tanpa_totp="mfa"),
            # Q reports to the peer Y; kepala is X's own superior; Y is X's peer.
            others=urls(u("team_member", "q"), u("team_member", "kepala"), u("team_member", "y")),
        )
    ],
    # Learning (courses app).
    "course_enroll": [
        Case(
            u("course_enroll", "c1"),
            members("302"),
            method="POST",
            unchanged=count_of("courses.Enrollment"),
            public=COURSE,
        )
    ],
    "lesson_done": [
        Case(
            lambda w: reverse("lesson_done", args=[w.p_lessons[0].pk]),
            # Only an enrolled learner (P, Q) marks a lesson done, for themself.
            members("404", pegawai_p="302", pegawai_q="302"),
            method="POST",
            unchanged=count_of("courses.LessonProgress"),
            others=lambda w: [reverse("lesson_done", args=[w.c2_lessons[0].pk])],
        )
    ],
    "quiz_submit": [
        Case(
            lambda w: reverse("quiz_submit", args=[w.p_lessons[1].pk]),
            members("404", pegawai_p="302", pegawai_q="302"),
            method="POST",
            data=lambda w: {"attempt": "2"},
            unchanged=count_of("courses.QuizAttempt"),
            others=lambda w: [reverse("quiz_submit", args=[w.c2_lessons[1].pk])],
        )
    ],
    "attempt_detail": [
        Case(u("attempt_detail", "p_attempt"), LEARNER_RECORD, others=urls(u("attempt_detail", "q_attempt")))
    ],
    "certificate_download": [
        Case(
            u("certificate_download", "p_certificate"),
            LEARNER_RECORD,
            others=urls(u("certificate_download", "q_certificate")),
        )
    ],
    # The certificate as an Open Badges 3.0 credential: whoever may download its PDF.
    "openbadge_download": [
        Case(
            u("openbadge_download", "p_certificate"),
            LEARNER_RECORD,
            others=urls(u("openbadge_download", "q_certificate")),
        )
    ],
    # The issuer's public key and the public check of a credential: for verifiers, no login.
    "openbadge_issuer": [Case(u("openbadge_issuer"), everyone("200"))],
    "openbadge_verify": [
        Case(u("openbadge_verify"), everyone("200")),
        # Nothing sent: refused with the reason, for anyone.
        Case(u("openbadge_verify"), everyone("400"), method="POST", get="200"),
    ],
    # A SCORM package's files: whoever may play it (enrolled in its course; trainers and HR with TOTP).
    "scorm_file": [
        Case(
            lambda w: reverse("scorm_file", args=[w.scorm_package.pk, "mulai.html"]),
            members(
                "404",
                pegawai_p="200",
                pegawai_q="200",
                pelatih_t1="200",
                pelatih_t2="200",
                hr_totp="200",
                superuser="200",
            ),
            others=lambda w: [reverse("scorm_file", args=[w.scorm_package.pk, "../../m.zip"])],
        )
    ],
    # The SCORM runtime's commit: for the learner enrolled in the lesson's course, of their own attempt.
    "scorm_commit": [
        Case(
            lambda w: reverse("scorm_commit", args=[w.p_lessons[0].pk]),
            # P and Q reach it; the matrix posts a form, not the runtime's JSON: refused with a 400.
            members("404", pegawai_p="400", pegawai_q="400"),
            method="POST",
            unchanged=count_of("scorm.ScormAttempt"),
            others=lambda w: [reverse("scorm_commit", args=[w.c2_lessons[0].pk])],
        )
    ],
    "certificate_verify": [
        Case(
            lambda w: reverse("certificate_verify", args=[w.p_certificate.code]),
            everyone("200"),
            public="a certificate's public verification by its code (UU 27/2022 purpose: verification)",
        )
    ],
    # The public satisfaction survey (SKM): for citizens, no login.
    "skm_index": [Case(u("skm_index"), everyone("200"))],
    "skm_form": [Case(u("skm_form", "=matriks-ktp"), everyone("200"), public="a service point's public survey form")],
    "skm_thanks": [Case(u("skm_thanks", "=matriks-ktp"), everyone("200"), public="the thanks after a public survey")],
    # Peer (360°) feedback: one's own rating tasks; a supervisor's own reports' reviews.
    "peer_home": [Case(u("peer_home"), members("200", superuser="404"))],
    "peer_rate": [
        Case(
            u("peer_rate", "peer_task_p"),
            members("404", pegawai_p="200"),
            others=urls(u("peer_rate", "peer_task_q")),
        )
    ],
    "peer_propose": [
        Case(
            u("peer_propose", "peer_review_p"),
            members("404", pegawai_p="302"),
            method="POST",
            others=urls(u("peer_propose", "peer_review_q")),
        )
    ],
    "peer_team": [Case(u("peer_team"), members("200", superuser="404"))],
    "peer_raters": [
        Case(
            u("peer_raters", "peer_review_p"),
            members("404", atasan_x="302"),
            method="POST",
            others=urls(u("peer_raters", "peer_review_q")),
        )
    ],
    "skm_unit": [
        Case(
            u("skm_unit"),
            members("403", atasan_x="200", atasan_y_sejawat="200", atasan_z_unit_lain="200", atasan_tanpa_totp="200"),
        )
    ],
    # Learning outside the portal: one's own records; the proof for the employee, their supervisor
    # and HR; decisions by the supervisor and HR, never by the employee.
    "external_list": [Case(u("external_list"), members("200", superuser="404"))],
    "external_new": [Case(u("external_new"), members("200", superuser="404"))],
    "external_proof": [
        Case(u("external_proof", "external_p"), owner_only("200"), others=urls(u("external_proof", "external_q")))
    ],
    "external_verify_list": [
        Case(
            u("external_verify_list"),
            members(
                "403",
                atasan_x="200",
                atasan_y_sejawat="200",
                atasan_z_unit_lain="200",
                hr_totp="200",
                superuser="200",
            ),
        )
    ],
    "external_verify": [
        Case(
            u("external_verify", "external_p"),
            owner_only("302", pegawai_p="404"),
            method="POST",
            data=lambda w: {"keputusan": "tolak", "reason": ""},
            unchanged=values_of("development.ExternalActivity", "status"),
            others=urls(u("external_verify", "external_q")),
        )
    ],
    # Development plans: one's own (the year's plan, by the employee); one to review, for the direct
    # supervisor (who decides) and HR (who reads).
    "plan_mine": [Case(u("plan_mine"), members("200", superuser="404"))],
    "plan_item_add": [
        Case(
            u("plan_item_add"),
            members("400", superuser="404"),
            method="POST",
            unchanged=count_of("development.PlanItem"),
        )
    ],
    "plan_item_remove": [
        Case(
            u("plan_item_remove", "plan_p_item"),
            members("404", pegawai_p="302", pegawai_q="302"),
            method="POST",
            unchanged=count_of("development.PlanItem"),
            public="the URL names an item; only the asker's own plan is looked in",
        )
    ],
    "plan_submit": [Case(u("plan_submit"), members("404", pegawai_p="302", pegawai_q="302"), method="POST")],
    "plan_reopen": [Case(u("plan_reopen"), members("404", pegawai_p="302", pegawai_q="302"), method="POST")],
    "plan_team": [
        Case(
            u("plan_team"),
            members("403", atasan_x="200", atasan_y_sejawat="200", atasan_z_unit_lain="200"),
        )
    ],
    "plan_review": [
        Case(u("plan_review", "plan_p"), owner_only("200"), others=urls(u("plan_review", "plan_q"))),
        Case(
            u("plan_review", "plan_p"),
            members("404", atasan_x="302"),
            method="POST",
            data=lambda w: {"keputusan": "perbaikan", "note": ""},
            unchanged=values_of("development.DevelopmentPlan", "status"),
            get="200",
            others=urls(u("plan_review", "plan_q")),
        ),
    ],
    # A unit head's own service points (Z heads the other unit; the world's point is in X's unit).
    "skm_unit_point_new": [Case(u("skm_unit_point_new"), members("403", atasan_z_unit_lain="200"))],
    "skm_unit_point": [
        Case(
            u("skm_unit_point", "service_point"),
            members("403", atasan_z_unit_lain="404"),
            public="a unit's service point, kept by its head",
        ),
    ],
    "skm_unit_population": [
        Case(
            u("skm_unit_population", "service_point"),
            members("403", atasan_z_unit_lain="404"),
            method="POST",
            public="a unit's service point, kept by its head",
            unchanged=count_of("feedback.ServicePopulation"),
        ),
    ],
    # The change hub.
    "change:acknowledge": [
        Case(u("change:acknowledge", "article"), members("302"), method="POST", public="an article for everyone")
    ],
    "change:event-register": [
        Case(u("change:event-register", "event"), members("302"), method="POST", public="an event open to everyone")
    ],
    "change:event-cancel": [
        Case(u("change:event-cancel", "event"), members("302"), method="POST", public="an event open to everyone")
    ],
    "change:survey-list": [Case(u("change:survey-list"), members("200"))],
    "change:survey-detail": [
        # P answered this round: P is sent to the receipt, everyone else may answer it.
        Case(u("change:survey-detail", "survey_p"), members("200", pegawai_p="302"), public=ROUND)
    ],
    "change:survey-receipt": [
        Case(
            u("change:survey-receipt", "survey_p"),
            members("404", pegawai_p="200"),
            others=urls(u("change:survey-receipt", "survey_q")),
        )
    ],
    # Django's and allauth's site URLs.
    "set_language": [Case(u("set_language"), everyone("302"))],
    "javascript-catalog": [Case(u("javascript-catalog"), everyone("200"))],
    # Wagtail's page-privacy login would be a login without MFA or rate limits: it must send to allauth.
    "wagtailcore_login": [Case(u("wagtailcore_login"), everyone("login"))],
    "frontend_login_redirect": [Case(u("frontend_login_redirect"), everyone("login"))],
    "wagtailcore_authenticate_with_password": [
        Case(
            lambda w: reverse("wagtailcore_authenticate_with_password", args=[999999, w.c1.pk]),
            everyone("404"),
            public="a page's password form (none is set in the world)",
        )
    ],
    "wagtaildocs_authenticate_with_password": [
        Case(
            lambda w: reverse("wagtaildocs_authenticate_with_password", args=[999999]),
            everyone("404"),
            public="a collection's password form (none is set in the world)",
        )
    ],
    "wagtaildocs_serve": [
        Case(
            lambda w: reverse("wagtaildocs_serve", args=[w.document.pk, "panduan.pdf"]),
            everyone("200"),
            public="a public document of the material",
        )
    ],
    "wagtail_serve": [
        Case(lambda w: "/", everyone("200"), label="beranda"),
        Case(lambda w: w.c1.get_parent().url, everyone("200"), label="katalog"),
        Case(page("c1"), everyone("200"), label="kursus", public=COURSE),
        Case(
            lambda w: w.p_lessons[0].url,
            members("302", pegawai_p="200", pegawai_q="200"),
            label="pelajaran",
            public="a lesson of the catalogue, open to its enrolled learners",
        ),
        Case(lambda w: w.article.get_parent().url, everyone("200"), label="pusat-perubahan"),
        Case(page("article"), everyone("200"), label="artikel", public="an article for everyone"),
        Case(page("event"), everyone("200"), label="acara", public="an event open to everyone"),
    ],
}

ALLAUTH_PUBLIC = (
    "account_login",
    "account_signup",
    "account_logout",
    "account_inactive",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key_done",
    "account_email_verification_sent",
    "account_confirm_login_code",
    "mfa_authenticate",
)
ALLAUTH_PRIVATE = (
    "account_email",
    "account_change_password",
    "account_set_password",
    "account_reauthenticate",
    "account_request_reauthentication_code",
    "account_confirm_reauthentication_code",
    "mfa_index",
    "mfa_reauthenticate",
    "mfa_activate_totp",
    "mfa_deactivate_totp",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
)
# allauth's own flows: whatever they answer a logged-in user (a form, a redirect, the TOTP set-up for
# a role that needs it, a 404 for recovery codes not yet made), the private ones need a login.
ALLAUTH = {
    **{name: [Case(u(name), everyone("ok|login|mfa"))] for name in ALLAUTH_PUBLIC},
    **{name: [Case(u(name), members("ok|mfa|404"))] for name in ALLAUTH_PRIVATE},
    "account_confirm_email": [
        Case(u("account_confirm_email", "=kunci-palsu"), everyone("ok|login|404"), public="a bogus e-mail key")
    ],
    "account_reset_password_from_key": [
        Case(
            lambda w: reverse("account_reset_password_from_key", kwargs={"uidb36": "zz", "key": "kunci-palsu"}),
            everyone("ok|login"),
            public="a bogus reset key",
        )
    ],
}
