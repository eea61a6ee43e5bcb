<#-- The frame of every mail's plain-text part (no escaping: this is text). -->
<#macro mail frame>
${frame.greeting}

<#nested>
${t["mail.signoff"]}
${frame.shopName}

--
${frame.shopName}
<#list frame.address as line>${line}
</#list><#if frame.phone??>${t("mail.contact", frame.phone)}
</#if>${t("mail.automatic", frame.shopName)}
</#macro>
