import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the post needs of the catalogue: a desk's street address and phone (the sender on a result's waybill, the
 * addressee of a collected dossier), and a procedure's fee as an amount with when it is paid (at receipt, or at
 * return: then the postman collects it on delivery). All nullable: an agency or procedure without them is as before.
 *
 * DEMO DATA, not verified: the addresses and phones below are real-looking values for the desks the demos and tests
 * use (the Ba Đình district and its wards, a few other districts, the city departments), not taken from an official
 * directory; the fee amounts are the seed's own fee texts read as numbers; which procedures are paid at return is
 * our choice for the demo (results commonly sent by post), not a verified rule.
 */
export class PostalCatalogue1764150000015 implements MigrationInterface {
  name = 'PostalCatalogue1764150000015';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE agency ADD COLUMN address text, ADD COLUMN phone text`);
    await runner.query(`
      ALTER TABLE procedure
        ADD COLUMN fee_amount_vnd integer CHECK (fee_amount_vnd >= 0),
        ADD COLUMN fee_paid_at text CHECK (fee_paid_at IN ('receipt', 'return'))`);
    await runner.query(
      `UPDATE agency a SET address = d.address, phone = d.phone
         FROM jsonb_to_recordset($1::jsonb) AS d(code text, address text, phone text) WHERE a.code = d.code`,
      [JSON.stringify(DESK_CONTACTS.map(([code, address, phone]) => ({ code, address, phone })))],
    );
    await runner.query(
      `UPDATE procedure p SET fee_amount_vnd = f.amount, fee_paid_at = f.paid_at
         FROM jsonb_to_recordset($1::jsonb) AS f(code text, amount integer, paid_at text) WHERE p.code = f.code`,
      [JSON.stringify(FEES.map(([code, amount, paidAt]) => ({ code, amount, paid_at: paidAt })))],
    );
    // replicas hear of the new fields in the snapshot workflow sends when it starts after a catalogue change
    await runner.query(`UPDATE catalogue_revision SET revision = revision + 1`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE procedure DROP COLUMN fee_amount_vnd, DROP COLUMN fee_paid_at`);
    await runner.query(`ALTER TABLE agency DROP COLUMN address, DROP COLUMN phone`);
    await runner.query(`UPDATE catalogue_revision SET revision = revision + 1`);
  }
}

/** Demo contacts of desks: [agency code, address, phone]. Not from an official directory. */
const DESK_CONTACTS: readonly (readonly [string, string, string])[] = [
  // the city's People's Committee: the switchboard a desk without a phone of its own is reached through
  ['000.00.00.H26', 'Số 79 phố Đinh Tiên Hoàng, phường Lý Thái Tổ, quận Hoàn Kiếm, Hà Nội', '02438253536'],
  // the district committees (their one-stop desks)
  ['000.01.20.H26', 'Số 25 phố Liễu Giai, phường Liễu Giai, quận Ba Đình, Hà Nội', '02437338120'],
  ['000.02.20.H26', 'Số 126 phố Hàng Trống, phường Hàng Trống, quận Hoàn Kiếm, Hà Nội', '02438254052'],
  ['000.03.20.H26', 'Số 657 đường Lạc Long Quân, phường Phú Thượng, quận Tây Hồ, Hà Nội', '02437532162'],
  ['000.04.20.H26', 'Số 1 phố Vạn Hạnh, phường Việt Hưng, quận Long Biên, Hà Nội', '02438271046'],
  ['000.05.20.H26', 'Số 36 đường Cầu Giấy, phường Quan Hoa, quận Cầu Giấy, Hà Nội', '02437672318'],
  ['000.06.20.H26', 'Số 442 đường Tôn Đức Thắng, phường Hàng Bột, quận Đống Đa, Hà Nội', '02438510731'],
  ['000.07.20.H26', 'Số 30 phố Lê Đại Hành, phường Lê Đại Hành, quận Hai Bà Trưng, Hà Nội', '02439782384'],
  ['000.09.20.H26', 'Số 9 phố Khuất Duy Tiến, phường Thanh Xuân Bắc, quận Thanh Xuân, Hà Nội', '02435580251'],
  // the wards of Ba Đình
  ['001.01.20.H26', 'Số 2 phố Phúc Xá, phường Phúc Xá, quận Ba Đình, Hà Nội', '02437162531'],
  ['004.01.20.H26', 'Số 1 phố Trấn Vũ, phường Trúc Bạch, quận Ba Đình, Hà Nội', '02437161478'],
  ['006.01.20.H26', 'Số 18 phố Hoàng Hoa Thám, phường Vĩnh Phúc, quận Ba Đình, Hà Nội', '02437613902'],
  ['007.01.20.H26', 'Số 521 phố Kim Mã, phường Cống Vị, quận Ba Đình, Hà Nội', '02437664127'],
  ['008.01.20.H26', 'Số 41 phố Liễu Giai, phường Liễu Giai, quận Ba Đình, Hà Nội', '02437621845'],
  ['010.01.20.H26', 'Số 14 phố Hàng Bún, phường Nguyễn Trung Trực, quận Ba Đình, Hà Nội', '02437164380'],
  ['013.01.20.H26', 'Số 58 phố Quán Thánh, phường Quán Thánh, quận Ba Đình, Hà Nội', '02438293817'],
  ['016.01.20.H26', 'Số 3 phố Ngọc Hà, phường Ngọc Hà, quận Ba Đình, Hà Nội', '02438231276'],
  ['019.01.20.H26', 'Số 1 phố Lê Hồng Phong, phường Điện Biên, quận Ba Đình, Hà Nội', '02437335906'],
  ['022.01.20.H26', 'Số 180 phố Đội Cấn, phường Đội Cấn, quận Ba Đình, Hà Nội', '02437229543'],
  ['025.01.20.H26', 'Số 8 phố Nguyễn Công Hoan, phường Ngọc Khánh, quận Ba Đình, Hà Nội', '02437714862'],
  ['028.01.20.H26', 'Số 42 phố Giang Văn Minh, phường Kim Mã, quận Ba Đình, Hà Nội', '02438234719'],
  ['031.01.20.H26', 'Số 12 phố Ngọc Khánh, phường Giảng Võ, quận Ba Đình, Hà Nội', '02438312654'],
  ['034.01.20.H26', 'Số 1 phố Thành Công, phường Thành Công, quận Ba Đình, Hà Nội', '02437724391'],
  // the city departments with a desk
  ['000.00.02.H26', 'Số 2 phố Phùng Hưng, phường Phúc La, quận Hà Đông, Hà Nội', '02433512271'],
  ['000.00.03.H26', 'Số 4 phố Sơn Tây, phường Điện Biên, quận Ba Đình, Hà Nội', '02439985765'],
  ['000.00.04.H26', 'Số 52 phố Lê Đại Hành, phường Lê Đại Hành, quận Hai Bà Trưng, Hà Nội', '02439760378'],
  ['000.00.05.H26', 'Số 221 đường Trần Phú, phường Văn Quán, quận Hà Đông, Hà Nội', '02433541526'],
  ['000.00.06.H26', 'Số 18 phố Huỳnh Thúc Kháng, phường Láng Hạ, quận Đống Đa, Hà Nội', '02437734863'],
  ['000.00.07.H26', 'Số 16 phố Cát Linh, phường Cát Linh, quận Đống Đa, Hà Nội', '02438256637'],
  ['000.00.08.H26', 'Số 75 phố Nguyễn Chí Thanh, phường Láng Hạ, quận Đống Đa, Hà Nội', '02437733260'],
  ['000.00.09.H26', 'Số 331 đường Trần Phú, phường Hà Cầu, quận Hà Đông, Hà Nội', '02433825982'],
  ['000.00.10.H26', 'Số 18B phố Lê Thánh Tông, phường Phan Chu Trinh, quận Hoàn Kiếm, Hà Nội', '02438253495'],
  ['000.00.11.H26', 'Số 23 phố Quang Trung, phường Trần Hưng Đạo, quận Hoàn Kiếm, Hà Nội', '02439424066'],
];

/**
 * Fee amounts (đồng) where the seed's fee text is one amount, and when it is paid: [procedure, amount, paid at].
 * 'return' for the building permit and the driving licence exchange, whose results often go out by post (demo
 * choice, not a verified rule); free procedures and fees by the page or by a council's resolution have none.
 */
const FEES: readonly (readonly [string, number, 'receipt' | 'return'])[] = [
  ['1.001612', 100_000, 'receipt'], // '100.000 đồng/lần'
  ['1.009994', 75_000, 'return'], // '75.000 đồng/giấy phép'
  ['2.000505', 200_000, 'receipt'], // '200.000 đồng/lần/người'
  ['1.002804', 135_000, 'return'], // '135.000 đồng/lần'
  ['1.002483', 1_100_000, 'receipt'], // '1.100.000 đồng/hồ sơ'
  ['1.003055', 6_000_000, 'receipt'], // '6.000.000 đồng/hồ sơ'
];
