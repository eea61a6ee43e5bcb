<#import "layout.ftl" as l>
<@l.mail frame>
${t("mail.invitation.intro", organization)}

${t["mail.invitation.button"]}: ${url}

${t("mail.invitation.expires", expires)}
</@l.mail>
