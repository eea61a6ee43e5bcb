<#import "layout.ftl" as l>
<@l.mail frame>
${t("mail.lockout.intro", email, until)}

${t["mail.lockout.notYou"]}
</@l.mail>
