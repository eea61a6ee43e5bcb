<#import "layout.ftl" as l>
<@l.mail frame>
${t("mail.invoice.intro", number, workOrder, total)}

<#if paid>${t["mail.invoice.paid"]}<#else>${t("mail.invoice.balance", balance)}</#if>
<#if paymentTerms??>
${paymentTerms}
</#if>
</@l.mail>
