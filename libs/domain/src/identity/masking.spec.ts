import { maskEmail, maskMobile, maskName, maskResidentId } from './masking';

describe('maskName', () => {
  it.each([
    ['李四', '李*'],
    ['张小三', '张*三'],
    ['欧阳娜娜', '欧**娜'],
    ['爱新觉罗启星', '爱****星'],
    ['买买提·吐尔逊', '买*****逊'],
    ['王', '*'],
    [' 李四 ', '李*'],
    ['John Smith', 'J*** S****'],
    ['Mary-Jane  Watson', 'M******** W*****'],
    ['Zoë', 'Z**'],
    ['', ''],
  ])('%p → %p', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

describe('maskResidentId', () => {
  it.each([
    ['110105199003071234', '110105********1234'],
    ['11010519491231002X', '110105********002X'],
    ['110105491231002', '110105*****1002'],
    ['12345678901', '123456*8901'],
    ['1234567890', '**********'],
    ['', ''],
  ])('%p → %p', (id, masked) => {
    expect(maskResidentId(id)).toBe(masked);
  });
});

describe('maskMobile', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+86 138-1234-5678', '138****5678'],
    ['12345', '*****'],
    ['', ''],
  ])('%p → %p', (mobile, masked) => {
    expect(maskMobile(mobile)).toBe(masked);
  });
});

describe('maskEmail', () => {
  it.each([
    ['zhangsan@example.com', 'z***@example.com'],
    ['z@example.com', 'z***@example.com'],
    ['"a@b"@example.com', '"***@example.com'],
    ['张三@例子.中国', '张***@例子.中国'],
    ['not-an-email', 'n***'],
    ['', ''],
  ])('%p → %p', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });
});
