<#import "layout.ftl" as l>
<@l.mail frame>
${t("mail.password.intro", email, at)}

${t["mail.password.notYou"]}
</@l.mail>
