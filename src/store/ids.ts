// Row ids are UUIDs. Text that is not one never reaches a uuid column: PostgreSQL would refuse the whole statement,
// and a grouped read would fail for every request in its group.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);
