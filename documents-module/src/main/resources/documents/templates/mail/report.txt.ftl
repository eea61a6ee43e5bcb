<#import "layout.ftl" as l>
<@l.mail frame>
${t("mail.report.intro", period)}

${t("mail.report.figures", cars, sales, averageRepairOrder, grossProfit)}

${t("mail.report.generated", generated)}
${t("mail.report.stored", stored)}
</@l.mail>
