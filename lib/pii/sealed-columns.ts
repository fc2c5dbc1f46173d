import type { SealedField } from "./sealing";

/**
 * Every column that holds sealed personal data, and what it holds. Key rotation walks these;
 * a new sealed column (the money workflow's bank accounts) is added here.
 */
export const SEALED_COLUMNS: readonly { table: string; column: string; field: SealedField }[] = [
  { table: "person", column: "name_sealed", field: "name" },
  { table: "person", column: "id_number_sealed", field: "idNumber" },
  { table: "person", column: "address_sealed", field: "address" },
  { table: "person_phone", column: "phone_sealed", field: "phone" },
  { table: "alert", column: "phone_sealed", field: "phone" },
  { table: "alert", column: "address_sealed", field: "address" },
  { table: "case_transfer", column: "account_sealed", field: "bankAccount" },
  { table: "case_transfer", column: "holder_sealed", field: "accountHolder" },
  { table: "case_transfer", column: "from_account_sealed", field: "bankAccount" },
  { table: "bank_request", column: "account_sealed", field: "bankAccount" },
  { table: "bank_request", column: "holder_sealed", field: "accountHolder" },
  { table: "bank_request", column: "return_to_sealed", field: "bankAccount" },
];
