import { Text } from "@react-email/components";
import type { Role } from "@/lib/generated/prisma/enums";
import { translator } from "@/lib/i18n/catalog";
import type { Locale } from "@/lib/i18n/locales";
import { StaffEmail, paragraph, textPart } from "./staff-email-layout";
import { renderEmailHtml } from "./render-html";

export type InvitationProps = { locale: Locale; tenant: string; email: string; role: Role; signInUrl: string };

function wordsFor(props: InvitationProps) {
  const t = translator(props.locale, "emails");
  const values = { tenant: props.tenant, email: props.email, role: translator(props.locale, "roles")(props.role) };
  return { t, values };
}

function InvitationEmail(props: InvitationProps) {
  const { t, values } = wordsFor(props);
  return (
    <StaffEmail
      locale={props.locale}
      preview={t("invitation.preview", values)}
      heading={t("invitation.heading")}
      buttonLabel={t("invitation.button")}
      buttonUrl={props.signInUrl}
    >
      <Text style={paragraph}>{t("invitation.body", values)}</Text>
    </StaffEmail>
  );
}

export async function renderInvitationEmail(props: InvitationProps) {
  const { t, values } = wordsFor(props);
  const html = renderEmailHtml(<InvitationEmail {...props} />);
  const text = textPart(t("invitation.heading"), [t("invitation.body", values)], t("invitation.button"), props.signInUrl);
  return { subject: t("invitation.subject", values), html, text };
}
