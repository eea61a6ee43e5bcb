<#import "layout.ftl" as l>
<@l.mail frame>
<#if vehicle??>${t("mail.approval.intro", vehicle, number, total)}<#else>${t("mail.approval.introNoVehicle", number, total)}</#if>

${t["mail.approval.button"]}: ${url}

${t("mail.approval.expires", expires)}
</@l.mail>
