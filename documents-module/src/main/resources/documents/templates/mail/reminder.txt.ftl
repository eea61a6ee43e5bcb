<#import "layout.ftl" as l>
<@l.mail frame>
${t("mail.reminder.intro", shop, day, time)}

${t("mail.reminder.work", work, vehicle)}

${t["mail.reminder.change"]}
</@l.mail>
