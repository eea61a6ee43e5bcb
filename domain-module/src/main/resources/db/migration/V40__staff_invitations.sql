-- Invitations (issue 3): a user invited without a password holds a nonce until they accept the mailed link.
-- The link carries the user id and the nonce, signed; accepting clears the nonce (single use) and a new
-- invitation replaces it (the earlier link stops working). Expiry is checked against invitation_expires_at.
alter table users add column invitation_nonce uuid;
alter table users add column invitation_expires_at timestamptz;
alter table users add constraint users_invitation_ck
  check ((invitation_nonce is null) = (invitation_expires_at is null));
