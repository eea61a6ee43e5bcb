#!/bin/bash
# Opens or closes the staging slot's access restrictions to the machine that runs this script (the pipeline's
# agent), for the length of a release. The slot otherwise accepts only the estate's Front Door (template).
# Usage: slot-access.sh allow|revoke <resource-group> <web-app> <rule-name> [slot]
#   AGENT_PUBLIC_IP overrides the address look-up (a self-hosted agent behind a known NAT address).
# Needs a logged-in Azure CLI (AzureCLI@2). "revoke" succeeds when the rule is already gone.
set -euo pipefail

action="${1:?usage: slot-access.sh allow|revoke <resource-group> <web-app> <rule-name> [slot]}"
group="${2:?resource group}"
app="${3:?web app name}"
rule="${4:?rule name}"
slot="${5:-staging}"

case "$action" in
  allow)
    ip="${AGENT_PUBLIC_IP:-$(curl -fsS --max-time 10 https://api.ipify.org)}"
    if [[ ! "$ip" =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}$ ]]; then
      echo "slot-access: could not determine this agent's public IPv4 address (got '${ip}')" >&2
      exit 1
    fi
    az webapp config access-restriction add --resource-group "$group" --name "$app" --slot "$slot" \
      --rule-name "$rule" --action Allow --ip-address "${ip}/32" --priority 200 --output none
    echo "slot-access: ${app}/${slot} accepts ${ip}/32 (rule ${rule})"
    ;;
  revoke)
    az webapp config access-restriction remove --resource-group "$group" --name "$app" --slot "$slot" \
      --rule-name "$rule" --output none 2>/dev/null || true
    echo "slot-access: rule ${rule} removed from ${app}/${slot}"
    ;;
  *)
    echo "slot-access: unknown action '${action}' (allow or revoke)" >&2
    exit 2
    ;;
esac
