import type { DeskRule, LegalTimeUnit, ProcedureDocument, StepDefinition } from '@motcua/catalogue';

// Frozen: the data of migration 1764150000006, as it was applied. Later changes are new migrations (or the
// catalogue API), never edits here.

/** A procedure of the national catalogue as seeded, with its first process version. */
export interface SeedProcedure {
  /** Mã thủ tục in the national catalogue (Cơ sở dữ liệu quốc gia về thủ tục hành chính). */
  readonly code: string;
  readonly name: string;
  /** Lĩnh vực */
  readonly field: string;
  /** The level whose body decides (cấp thực hiện). */
  readonly level: 'ward' | 'district' | 'city';
  readonly legalTime: { readonly value: number; readonly unit: LegalTimeUnit };
  readonly fee: string | null;
  /** SubmissionChannel values: 1 in person, 2 online, 3 public post. */
  readonly channels: readonly number[];
  readonly desks: readonly DeskRule[];
  readonly documents: readonly ProcedureDocument[];
  /** Căn cứ pháp lý, shortest useful form. */
  readonly legalBasis: string;
  /** What in this entry is not verified against an official source, in plain words; empty when all is. */
  readonly unverified: readonly string[];
  readonly steps: readonly StepDefinition[];
}

// Who does a step, and which desks may receive (see the organisation seeds 1764150000003/4).
const WARD = { kind: 'competent', level: 'ward', agencyKind: 'people_committee' } as const;
const DISTRICT = { kind: 'competent', level: 'district', agencyKind: 'people_committee' } as const;
const RECEIVING = { kind: 'receiving' } as const;
const ANY_WARD = { kind: 'any', level: 'ward', agencyKind: 'people_committee' } as const;
const ANY_DISTRICT = { kind: 'any', level: 'district', agencyKind: 'people_committee' } as const;
const ECONOMY = { kind: 'competent', level: 'district', agencyKind: 'economy_division' } as const;
/** A quận's urban management division, a huyện's (or the thị xã's) economy and infrastructure division. */
const BUILDING = { kind: 'competent', level: 'district', agencyKind: ['urban_management_division', 'economy_infrastructure_division'] } as const;
const LAND_BRANCH = { kind: 'competent', level: 'district', agencyKind: 'land_registration_branch' } as const;
const NATURAL_RESOURCES = { kind: 'competent', level: 'district', agencyKind: 'natural_resources_division' } as const;
const TRANSPORT = { kind: 'fixed', agencyCode: '000.00.02.H26' } as const;
const HEALTH = { kind: 'fixed', agencyCode: '000.00.03.H26' } as const;
const JUSTICE = { kind: 'fixed', agencyCode: '000.00.05.H26' } as const;

const BUDGETS_ESTIMATED = 'step budgets are our estimate, not from a published internal process (quy trình nội bộ) of Hà Nội';

/**
 * The procedures of Hà Nội's three-level system (2020 to mid-2025) that the seed catalogue starts with. Where
 * each fact comes from, and what is not verified, is listed in docs/catalogue-sources.md; `unverified` says the
 * same per entry. Legal times are converted to working hours at 8 per working day; step budgets fit in them.
 */
export const procedures: SeedProcedure[] = [
  {
    // Already in the database since migration 1764150000001 with this process: only desks, documents, legal
    // basis and unverified are added. The steps are those of `birthRegistration` in the spine seed.
    code: '1.001193',
    name: 'Thủ tục đăng ký khai sinh',
    field: 'Hộ tịch',
    level: 'ward',
    legalTime: { value: 8, unit: 'working_hours' },
    fee: 'Miễn lệ phí đăng ký khai sinh đúng hạn',
    channels: [1, 2, 3],
    desks: [WARD],
    documents: [
      { code: 'TK-KS', name: 'Tờ khai đăng ký khai sinh theo mẫu', required: true, copies: 1 },
      {
        code: 'GCS',
        name: 'Giấy chứng sinh; nếu không có thì văn bản của người làm chứng hoặc giấy cam đoan về việc sinh',
        required: true,
        copies: 1,
      },
      { code: 'GTTT', name: 'Giấy tờ tùy thân của người đi đăng ký khai sinh (xuất trình)', required: true, copies: 1 },
      { code: 'GCN-KH', name: 'Giấy chứng nhận kết hôn của cha, mẹ (xuất trình, nếu cha, mẹ đã đăng ký kết hôn)', required: false, copies: 1 },
      { code: 'VB-UQ', name: 'Văn bản ủy quyền (khi ủy quyền đăng ký khai sinh)', required: false, copies: 1 },
    ],
    legalBasis: 'Luật Hộ tịch 2014 (Điều 13, 16); Nghị định 123/2015/NĐ-CP',
    unverified: [
      'documents are read from Luật Hộ tịch 2014 Điều 16 and Nghị định 123/2015/NĐ-CP, not checked against the catalogue entry',
      'channels (in person, online, post) not checked against the catalogue entry',
      'step budgets are our estimate for a same-day procedure, not from a published internal process',
    ],
    steps: [
      {
        number: 1,
        name: 'Công chức tư pháp – hộ tịch kiểm tra hồ sơ, ghi sổ hộ tịch',
        agency: WARD,
        role: 'specialist',
        budgetHours: 4,
        actions: ['forward', 'request_supplement', 'refuse'],
      },
      { number: 2, name: 'Lãnh đạo Ủy ban nhân dân cấp xã ký giấy khai sinh', agency: WARD, role: 'leader', budgetHours: 2, actions: ['sign', 'send_back'] },
      { number: 3, name: 'Bộ phận Một cửa trả kết quả', agency: RECEIVING, role: 'returner', budgetHours: 2, actions: ['hand_over'] },
    ],
  },
  {
    // Chứng thực does not depend on where the applicant lives: any commune-level committee of the city may
    // certify, and the one that received the request does the work.
    code: '2.000815',
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    field: 'Chứng thực',
    level: 'ward',
    legalTime: { value: 8, unit: 'working_hours' },
    fee: '2.000 đồng/trang đối với trang thứ nhất và thứ hai; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản',
    channels: [1],
    desks: [ANY_WARD],
    documents: [
      { code: 'BC-GT', name: 'Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao', required: true, copies: 1 },
      {
        code: 'BS-CT',
        name: 'Bản sao cần chứng thực (nếu chỉ xuất trình bản chính, cơ quan chứng thực chụp từ bản chính)',
        required: false,
        copies: 1,
      },
    ],
    legalBasis: 'Nghị định 23/2015/NĐ-CP (Điều 5, 18, 20, 21); Thông tư 226/2016/TT-BTC',
    unverified: [
      'national code read from a provincial portal (Lào Cai, 2.000815.000.00.00.H38), not from the national catalogue itself',
      '8 working hours stand for "ngay trong ngày, hoặc ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ"; the extension of up to 02 working days for many or complex documents is not modelled',
      BUDGETS_ESTIMATED,
    ],
    steps: [
      {
        number: 1,
        name: 'Công chức tư pháp – hộ tịch kiểm tra bản chính, đối chiếu bản sao, ghi lời chứng',
        agency: RECEIVING,
        role: 'specialist',
        budgetHours: 4,
        actions: ['forward', 'refuse'],
      },
      {
        number: 2,
        name: 'Lãnh đạo Ủy ban nhân dân cấp xã ký chứng thực, ghi sổ chứng thực',
        agency: RECEIVING,
        role: 'leader',
        budgetHours: 2,
        actions: ['sign', 'send_back'],
      },
      { number: 3, name: 'Bộ phận Một cửa trả bản sao đã chứng thực', agency: RECEIVING, role: 'returner', budgetHours: 2, actions: ['hand_over'] },
    ],
  },
  {
    code: '1.000894',
    name: 'Thủ tục đăng ký kết hôn',
    field: 'Hộ tịch',
    level: 'ward',
    legalTime: { value: 8, unit: 'working_hours' },
    fee: 'Miễn lệ phí đăng ký kết hôn của công dân Việt Nam cư trú ở trong nước',
    channels: [1, 2],
    desks: [WARD],
    documents: [
      { code: 'TK-KH', name: 'Tờ khai đăng ký kết hôn theo mẫu (hai bên có thể khai chung một tờ khai)', required: true, copies: 1 },
      { code: 'GTTT', name: 'Giấy tờ tùy thân của hai bên nam, nữ (xuất trình)', required: true, copies: 1 },
      {
        code: 'XN-TTHN',
        name: 'Bản chính Giấy xác nhận tình trạng hôn nhân (bên không thường trú tại xã, phường làm thủ tục)',
        required: false,
        copies: 1,
      },
    ],
    legalBasis: 'Luật Hộ tịch 2014 (Điều 11, 17, 18); Nghị định 123/2015/NĐ-CP',
    unverified: [
      'national code seen in a link to the National Public Service Portal and in third-party lists, not read from the catalogue itself',
      '8 working hours stand for "ngay trong ngày"; up to 05 working days when the conditions must be verified is not modelled',
      'fee (exemption under Luật Hộ tịch Điều 11) not checked against the catalogue entry',
      'channels: online submission seen in provincial guidance; post not allowed since both parties must be present, as we read the law',
      BUDGETS_ESTIMATED,
    ],
    steps: [
      {
        number: 1,
        name: 'Công chức tư pháp – hộ tịch kiểm tra điều kiện kết hôn, ghi sổ hộ tịch',
        agency: WARD,
        role: 'specialist',
        budgetHours: 4,
        actions: ['forward', 'request_supplement', 'refuse'],
      },
      {
        number: 2,
        name: 'Chủ tịch Ủy ban nhân dân cấp xã ký Giấy chứng nhận kết hôn',
        agency: WARD,
        role: 'leader',
        budgetHours: 2,
        actions: ['sign', 'send_back'],
      },
      {
        number: 3,
        name: 'Bộ phận Một cửa trao Giấy chứng nhận kết hôn cho hai bên nam, nữ',
        agency: RECEIVING,
        role: 'returner',
        budgetHours: 2,
        actions: ['hand_over'],
      },
    ],
  },
  {
    // Done by the commune-level committee of the deceased's last residence: the "applicant's area" here.
    code: '1.000656',
    name: 'Thủ tục đăng ký khai tử',
    field: 'Hộ tịch',
    level: 'ward',
    legalTime: { value: 8, unit: 'working_hours' },
    fee: 'Miễn lệ phí đăng ký khai tử đúng hạn',
    channels: [1, 2, 3],
    desks: [WARD],
    documents: [
      { code: 'TK-KT', name: 'Tờ khai đăng ký khai tử theo mẫu', required: true, copies: 1 },
      { code: 'GBT', name: 'Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử do cơ quan có thẩm quyền cấp', required: true, copies: 1 },
      { code: 'GTTT', name: 'Giấy tờ tùy thân của người đi đăng ký khai tử (xuất trình)', required: true, copies: 1 },
      { code: 'VB-UQ', name: 'Văn bản ủy quyền (khi ủy quyền đăng ký khai tử)', required: false, copies: 1 },
    ],
    legalBasis: 'Luật Hộ tịch 2014 (Điều 11, 32, 33, 34); Nghị định 123/2015/NĐ-CP',
    unverified: [
      'national code seen only in third-party lists of the national catalogue',
      'fee (exemption when registered within 15 days, Luật Hộ tịch Điều 11) not checked against the catalogue entry',
      "online channel not checked against the catalogue entry (in person and post are in a ward's published procedure)",
      BUDGETS_ESTIMATED,
    ],
    steps: [
      {
        number: 1,
        name: 'Công chức tư pháp – hộ tịch kiểm tra hồ sơ, ghi sổ hộ tịch',
        agency: WARD,
        role: 'specialist',
        budgetHours: 4,
        actions: ['forward', 'request_supplement', 'refuse'],
      },
      { number: 2, name: 'Chủ tịch Ủy ban nhân dân cấp xã ký trích lục khai tử', agency: WARD, role: 'leader', budgetHours: 2, actions: ['sign', 'send_back'] },
      { number: 3, name: 'Bộ phận Một cửa trả trích lục khai tử', agency: RECEIVING, role: 'returner', budgetHours: 2, actions: ['hand_over'] },
    ],
  },
  {
    // The district's business registration office is its finance-planning (here: economy) division.
    code: '1.001612',
    name: 'Đăng ký thành lập hộ kinh doanh',
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    level: 'district',
    legalTime: { value: 3, unit: 'working_days' },
    fee: '100.000 đồng/lần',
    channels: [1, 2],
    desks: [DISTRICT],
    documents: [
      { code: 'GDN-HKD', name: 'Giấy đề nghị đăng ký hộ kinh doanh', required: true, copies: 1 },
      {
        code: 'GTPL-CN',
        name: 'Bản sao giấy tờ pháp lý của cá nhân đối với chủ hộ kinh doanh và các thành viên hộ gia đình đăng ký hộ kinh doanh',
        required: true,
        copies: 1,
      },
      {
        code: 'BB-HGD',
        name: 'Bản sao biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (khi các thành viên hộ gia đình đăng ký)',
        required: false,
        copies: 1,
      },
      {
        code: 'UQ-CH',
        name: 'Bản sao văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh',
        required: false,
        copies: 1,
      },
    ],
    legalBasis: 'Nghị định 01/2021/NĐ-CP về đăng ký doanh nghiệp (Điều 87)',
    unverified: [
      'national code from third-party lists only (an older code, 2.000720, also circulates)',
      'fee of 100.000 đồng not verified for Hà Nội',
      'channels: in person and online as commonly published; whether post is allowed not verified',
      'time (03 working days) and the processing division are read from provincial pages written under the older Nghị định 78/2015/NĐ-CP',
      BUDGETS_ESTIMATED,
    ],
    steps: [
      {
        number: 1,
        name: 'Chuyên viên cơ quan đăng ký kinh doanh cấp huyện kiểm tra hồ sơ, tên và ngành, nghề kinh doanh',
        agency: ECONOMY,
        role: 'specialist',
        budgetHours: 12,
        actions: ['forward', 'request_supplement', 'refuse'],
      },
      {
        number: 2,
        name: 'Trưởng phòng ký Giấy chứng nhận đăng ký hộ kinh doanh',
        agency: ECONOMY,
        role: 'division_head',
        budgetHours: 8,
        actions: ['sign', 'send_back', 'refuse'],
      },
      { number: 3, name: 'Bộ phận Một cửa cấp huyện trả kết quả', agency: RECEIVING, role: 'returner', budgetHours: 4, actions: ['hand_over'] },
    ],
  },
  {
    code: '1.009994',
    name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    field: 'Hoạt động xây dựng',
    level: 'district',
    legalTime: { value: 15, unit: 'working_days' },
    fee: '75.000 đồng/giấy phép',
    channels: [1, 2],
    desks: [DISTRICT],
    documents: [
      { code: 'DDN-GPXD', name: 'Đơn đề nghị cấp giấy phép xây dựng theo mẫu', required: true, copies: 1 },
      { code: 'GT-DAT', name: 'Bản sao giấy tờ chứng minh quyền sử dụng đất theo quy định của pháp luật về đất đai', required: true, copies: 1 },
      {
        code: 'BV-TK',
        name: 'Bản vẽ thiết kế xây dựng: mặt bằng công trình trên lô đất, mặt bằng, mặt cắt, mặt đứng chính, mặt bằng móng, sơ đồ đấu nối hạ tầng kỹ thuật',
        required: true,
        copies: 2,
      },
      {
        code: 'CK-AT',
        name: 'Văn bản cam kết bảo đảm an toàn đối với công trình liền kề (công trình xây chen có tầng hầm)',
        required: false,
        copies: 1,
      },
    ],
    legalBasis: 'Luật Xây dựng 2014, sửa đổi 2020 (Điều 89, 93, 95, 102, 103); Nghị định 15/2021/NĐ-CP (Điều 46)',
    unverified: [
      'national code seen only in a third-party list; not verified',
      'legal time: Luật Xây dựng gives 15 days for a private house; that they are working days is not verified',
      'fee of 75.000 đồng not verified for Hà Nội',
      'documents are read from Nghị định 15/2021/NĐ-CP as we remember it, not checked against the catalogue entry',
      'channels: online submission not verified for Hà Nội',
      'that the district leader signs (rather than the division under delegation) is the general rule, not checked for Hà Nội',
      BUDGETS_ESTIMATED,
    ],
    steps: [
      {
        number: 1,
        name: 'Chuyên viên kiểm tra hồ sơ, kiểm tra thực địa, dự thảo giấy phép xây dựng',
        agency: BUILDING,
        role: 'specialist',
        budgetHours: 72,
        actions: ['forward', 'request_supplement', 'refuse'],
      },
      {
        number: 2,
        name: 'Trưởng phòng thẩm định, trình lãnh đạo Ủy ban nhân dân cấp huyện',
        agency: BUILDING,
        role: 'division_head',
        budgetHours: 24,
        actions: ['approve', 'send_back', 'refuse'],
      },
      {
        number: 3,
        name: 'Lãnh đạo Ủy ban nhân dân cấp huyện ký giấy phép xây dựng',
        agency: DISTRICT,
        role: 'leader',
        budgetHours: 16,
        actions: ['sign', 'send_back'],
      },
      { number: 4, name: 'Bộ phận Một cửa cấp huyện trả giấy phép xây dựng', agency: RECEIVING, role: 'returner', budgetHours: 8, actions: ['hand_over'] },
    ],
  },
  {
    // Liên thông ward → district: a household files at its ward (or at the district desk); the ward confirms
    // the land's status and posts it publicly, the district's land registration branch checks and measures,
    // the natural resources division appraises, the district leader signs, and the receiving desk returns.
    code: '1.004227',
    name: 'Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất lần đầu',
    field: 'Đất đai',
    level: 'district',
    legalTime: { value: 30, unit: 'working_days' },
    fee: 'Lệ phí cấp Giấy chứng nhận theo nghị quyết của Hội đồng nhân dân Thành phố; nghĩa vụ tài chính về đất (nếu có)',
    channels: [1],
    desks: [WARD, DISTRICT],
    documents: [
      {
        code: 'DDK',
        name: 'Đơn đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất (Mẫu số 04a/ĐK)',
        required: true,
        copies: 1,
      },
      { code: 'GT-QSDD', name: 'Một trong các loại giấy tờ về quyền sử dụng đất quy định tại Điều 100 Luật Đất đai (nếu có)', required: false, copies: 1 },
      { code: 'GT-TS', name: 'Giấy tờ về quyền sở hữu nhà ở, công trình xây dựng (khi đăng ký cả tài sản gắn liền với đất)', required: false, copies: 1 },
      { code: 'NVTC', name: 'Chứng từ thực hiện nghĩa vụ tài chính hoặc giấy tờ về miễn, giảm nghĩa vụ tài chính (nếu có)', required: false, copies: 1 },
    ],
    legalBasis:
      'Luật Đất đai 2013 (Điều 99–101); Nghị định 43/2014/NĐ-CP (Điều 60, 61, 70), sửa đổi bởi Nghị định 01/2017/NĐ-CP; Thông tư 24/2014/TT-BTNMT (Điều 8)',
    unverified: [
      'national code is our best recollection and was not found in any source we could reach: look it up before production',
      'legal time of 30 days (Nghị định 43/2014/NĐ-CP as amended by 01/2017, commune time and financial obligations not counted) is from memory; later rules shortened it',
      'fee amount not looked up',
      'documents are read from Thông tư 24/2014/TT-BTNMT as we remember it, not checked against the catalogue entry',
      'that Hà Nội lets a household file at its ward as well as at the district desk is the general rule (Nghị định 43/2014/NĐ-CP Điều 60), not checked for Hà Nội',
      "the 15-day public posting at the ward is folded into the ward's step budget",
      BUDGETS_ESTIMATED,
    ],
    steps: [
      {
        number: 1,
        name: 'Công chức địa chính cấp xã kiểm tra hồ sơ, xác nhận hiện trạng, nguồn gốc sử dụng đất, niêm yết công khai',
        agency: WARD,
        role: 'specialist',
        budgetHours: 80,
        actions: ['forward', 'request_supplement', 'refuse'],
      },
      {
        number: 2,
        name: 'Lãnh đạo Ủy ban nhân dân cấp xã ký xác nhận, chuyển hồ sơ lên cấp huyện',
        agency: WARD,
        role: 'leader',
        budgetHours: 8,
        actions: ['forward', 'send_back'],
      },
      {
        number: 3,
        name: 'Chi nhánh Văn phòng đăng ký đất đai kiểm tra hồ sơ, trích đo địa chính, gửi thông tin xác định nghĩa vụ tài chính',
        agency: LAND_BRANCH,
        role: 'specialist',
        budgetHours: 56,
        actions: ['forward', 'send_back', 'request_supplement'],
      },
      {
        number: 4,
        name: 'Phòng Tài nguyên và Môi trường thẩm định, trình Ủy ban nhân dân cấp huyện',
        agency: NATURAL_RESOURCES,
        role: 'division_head',
        budgetHours: 40,
        actions: ['approve', 'send_back', 'refuse'],
      },
      {
        number: 5,
        name: 'Lãnh đạo Ủy ban nhân dân cấp huyện ký Giấy chứng nhận',
        agency: DISTRICT,
        role: 'leader',
        budgetHours: 32,
        actions: ['sign', 'send_back'],
      },
      { number: 6, name: 'Bộ phận Một cửa nơi nộp hồ sơ trao Giấy chứng nhận', agency: RECEIVING, role: 'returner', budgetHours: 8, actions: ['hand_over'] },
    ],
  },
  {
    // Liên thông district → city: received at the Department of Justice's desk or at any district desk of the
    // city, which forwards it; the department checks and signs; the receiving desk returns the result.
    code: '2.000505',
    name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
    field: 'Lý lịch tư pháp',
    level: 'city',
    legalTime: { value: 10, unit: 'working_days' },
    fee: '200.000 đồng/lần/người',
    channels: [1, 2, 3],
    desks: [JUSTICE, ANY_DISTRICT],
    documents: [
      {
        code: 'TK-LLTP',
        name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp theo mẫu (mẫu dành cho trường hợp ủy quyền khi ủy quyền)',
        required: true,
        copies: 1,
      },
      { code: 'GTTT', name: 'Bản chụp giấy chứng minh nhân dân, thẻ căn cước công dân hoặc hộ chiếu của người được cấp Phiếu', required: true, copies: 1 },
      { code: 'GT-CT', name: 'Bản chụp sổ hộ khẩu hoặc giấy chứng nhận thường trú, tạm trú của người được cấp Phiếu', required: true, copies: 1 },
      { code: 'VB-UQ', name: 'Văn bản ủy quyền (khi ủy quyền yêu cầu cấp Phiếu lý lịch tư pháp số 1)', required: false, copies: 1 },
    ],
    legalBasis: 'Luật Lý lịch tư pháp 2009 (Điều 45, 46, 48); Nghị định 111/2010/NĐ-CP; Thông tư 244/2016/TT-BTC',
    unverified: [
      'national code is our best recollection and was not found in any source we could reach: look it up before production',
      "that Hà Nội's district desks receive this procedure is not verified: modelled on provinces that run it liên thông through district desks (e.g. Hòa Bình, Quyết định 197/QĐ-UBND năm 2017)",
      'legal time: the law gives 10 days (15 when residence must be verified); that they are working days is not verified',
      'reduced fee (100.000 đồng) for students and persons with merit not recorded',
      'documents and fee are from secondary summaries of the procedure, not the catalogue entry',
      BUDGETS_ESTIMATED,
    ],
    steps: [
      {
        number: 1,
        name: 'Bộ phận Một cửa nơi tiếp nhận chuyển hồ sơ đến Sở Tư pháp',
        agency: RECEIVING,
        role: 'receiver',
        budgetHours: 4,
        actions: ['forward', 'refuse'],
      },
      {
        number: 2,
        name: 'Chuyên viên Sở Tư pháp tra cứu, xác minh thông tin lý lịch tư pháp, lập Phiếu',
        agency: JUSTICE,
        role: 'specialist',
        budgetHours: 52,
        actions: ['forward', 'request_supplement', 'refuse'],
      },
      { number: 3, name: 'Lãnh đạo Sở Tư pháp ký Phiếu lý lịch tư pháp', agency: JUSTICE, role: 'leader', budgetHours: 8, actions: ['sign', 'send_back'] },
      {
        number: 4,
        name: 'Bộ phận Một cửa nơi tiếp nhận trả Phiếu lý lịch tư pháp',
        agency: RECEIVING,
        role: 'returner',
        budgetHours: 8,
        actions: ['hand_over'],
      },
    ],
  },
  {
    code: '1.002804',
    name: 'Đổi Giấy phép lái xe do ngành Giao thông vận tải cấp',
    field: 'Đường bộ',
    level: 'city',
    legalTime: { value: 5, unit: 'working_days' },
    fee: '135.000 đồng/lần',
    channels: [1, 2],
    desks: [TRANSPORT],
    documents: [
      { code: 'DDN-GPLX', name: 'Đơn đề nghị đổi giấy phép lái xe theo mẫu', required: true, copies: 1 },
      {
        code: 'BS-GPLX',
        name: 'Bản sao giấy phép lái xe, giấy chứng minh nhân dân hoặc thẻ căn cước công dân hoặc hộ chiếu còn thời hạn',
        required: true,
        copies: 1,
      },
      {
        code: 'GKSK',
        name: 'Giấy khám sức khỏe của người lái xe do cơ sở y tế có thẩm quyền cấp (trừ giấy phép hạng A1, A2, A3)',
        required: false,
        copies: 1,
      },
    ],
    legalBasis: 'Luật Giao thông đường bộ 2008; Thông tư 12/2017/TT-BGTVT; Thông tư 188/2016/TT-BTC',
    unverified: [
      'national code is our best recollection and was not found in any source we could reach: look it up before production',
      "time, fee, channels and documents are read from another province's published procedure (Đắk Lắk), not from Hà Nội's",
      BUDGETS_ESTIMATED,
    ],
    steps: [
      {
        number: 1,
        name: 'Chuyên viên kiểm tra hồ sơ, đối chiếu hệ thống thông tin giấy phép lái xe',
        agency: TRANSPORT,
        role: 'specialist',
        budgetHours: 16,
        actions: ['forward', 'request_supplement', 'refuse'],
      },
      {
        number: 2,
        name: 'Trưởng phòng quản lý phương tiện và người lái duyệt',
        agency: TRANSPORT,
        role: 'division_head',
        budgetHours: 8,
        actions: ['approve', 'send_back', 'refuse'],
      },
      {
        number: 3,
        name: 'Lãnh đạo Sở Giao thông vận tải ký giấy phép lái xe',
        agency: TRANSPORT,
        role: 'leader',
        budgetHours: 8,
        actions: ['sign', 'send_back'],
      },
      {
        number: 4,
        name: 'Bộ phận Một cửa Sở Giao thông vận tải trả giấy phép lái xe',
        agency: RECEIVING,
        role: 'returner',
        budgetHours: 8,
        actions: ['hand_over'],
      },
    ],
  },
  {
    code: '1.002483',
    name: 'Cấp giấy xác nhận nội dung quảng cáo mỹ phẩm',
    field: 'Mỹ phẩm',
    level: 'city',
    legalTime: { value: 10, unit: 'working_days' },
    fee: '1.100.000 đồng/hồ sơ',
    channels: [1, 2, 3],
    desks: [HEALTH],
    documents: [
      { code: 'VB-DN', name: 'Văn bản đề nghị xác nhận nội dung quảng cáo mỹ phẩm theo mẫu', required: true, copies: 1 },
      { code: 'PCB', name: 'Phiếu công bố sản phẩm mỹ phẩm đã được cơ quan nhà nước có thẩm quyền cấp số tiếp nhận', required: true, copies: 1 },
      { code: 'ND-QC', name: 'Mẫu nội dung dự kiến quảng cáo (ma-két, kịch bản, bản ghi âm, ghi hình)', required: true, copies: 1 },
      { code: 'TL-CM', name: 'Tài liệu chứng minh tính an toàn, công dụng của mỹ phẩm khi nội dung quảng cáo nêu', required: false, copies: 1 },
      { code: 'GUQ', name: 'Giấy ủy quyền (khi được tổ chức, cá nhân chịu trách nhiệm đưa sản phẩm ra thị trường ủy quyền)', required: false, copies: 1 },
    ],
    legalBasis: 'Luật Quảng cáo 2012; Nghị định 181/2013/NĐ-CP; Thông tư 09/2015/TT-BYT',
    unverified: [
      'legal time of 10 working days, fee of 1.100.000 đồng and the documents are from memory of Thông tư 09/2015/TT-BYT and Thông tư 277/2016/TT-BTC, not from the catalogue entry',
      'channels are those of the related re-issue procedure in another province (Đắk Lắk), not verified for this one in Hà Nội',
      BUDGETS_ESTIMATED,
    ],
    steps: [
      {
        number: 1,
        name: 'Chuyên viên thẩm định nội dung quảng cáo',
        agency: HEALTH,
        role: 'specialist',
        budgetHours: 48,
        actions: ['forward', 'request_supplement', 'refuse'],
      },
      {
        number: 2,
        name: 'Trưởng phòng nghiệp vụ dược xem xét',
        agency: HEALTH,
        role: 'division_head',
        budgetHours: 16,
        actions: ['approve', 'send_back', 'refuse'],
      },
      { number: 3, name: 'Lãnh đạo Sở Y tế ký giấy xác nhận', agency: HEALTH, role: 'leader', budgetHours: 8, actions: ['sign', 'send_back'] },
      { number: 4, name: 'Bộ phận Một cửa Sở Y tế trả kết quả', agency: RECEIVING, role: 'returner', budgetHours: 8, actions: ['hand_over'] },
    ],
  },
  {
    code: '1.003055',
    name: 'Cấp Giấy chứng nhận đủ điều kiện sản xuất mỹ phẩm',
    field: 'Mỹ phẩm',
    level: 'city',
    legalTime: { value: 30, unit: 'calendar_days' },
    fee: '6.000.000 đồng/hồ sơ',
    channels: [1, 3],
    desks: [HEALTH],
    documents: [
      { code: 'DDN-SX', name: 'Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện sản xuất mỹ phẩm (Mẫu số 02, Nghị định 93/2016/NĐ-CP)', required: true, copies: 1 },
      { code: 'SD-MB', name: 'Sơ đồ mặt bằng và thiết kế của cơ sở sản xuất', required: true, copies: 1 },
      { code: 'DM-TB', name: 'Danh mục thiết bị hiện có của cơ sở sản xuất', required: true, copies: 1 },
    ],
    legalBasis: 'Nghị định 93/2016/NĐ-CP (Điều 7, 8, 9), sửa đổi bởi Nghị định 155/2018/NĐ-CP',
    unverified: [
      'legal time of 30 days (Nghị định 93/2016/NĐ-CP Điều 9) is from memory; that they are calendar days is our reading',
      'fee of 6.000.000 đồng (Thông tư 277/2016/TT-BTC) is from memory',
      'online submission not verified (the decree names in person and post)',
      BUDGETS_ESTIMATED,
    ],
    steps: [
      {
        number: 1,
        name: 'Chuyên viên thẩm định hồ sơ',
        agency: HEALTH,
        role: 'specialist',
        budgetHours: 40,
        actions: ['forward', 'request_supplement', 'refuse'],
      },
      {
        number: 2,
        name: 'Đoàn kiểm tra thực tế cơ sở sản xuất, lập biên bản',
        agency: HEALTH,
        role: 'division_head',
        budgetHours: 80,
        actions: ['approve', 'send_back', 'request_supplement', 'refuse'],
      },
      { number: 3, name: 'Lãnh đạo Sở Y tế ký Giấy chứng nhận', agency: HEALTH, role: 'leader', budgetHours: 24, actions: ['sign', 'send_back'] },
      { number: 4, name: 'Bộ phận Một cửa Sở Y tế trả kết quả', agency: RECEIVING, role: 'returner', budgetHours: 8, actions: ['hand_over'] },
    ],
  },
];
