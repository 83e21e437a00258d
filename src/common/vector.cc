#include "common/vector.h"

#include <array>

#include "common/exception.h"

namespace heliosdb {

namespace {
template <uint32_t kStep>
std::array<uint32_t, kVectorSize> MakeSelection() {
  std::array<uint32_t, kVectorSize> a{};
  for (uint32_t i = 0; i < kVectorSize; i++) a[i] = i * kStep;
  return a;
}
}  // namespace

const uint32_t* SelectionVector::Incremental() {
  static const auto kSel = MakeSelection<1>();
  return kSel.data();
}

const uint32_t* SelectionVector::Zero() {
  static const auto kSel = MakeSelection<0>();
  return kSel.data();
}

std::string_view StringHeap::Add(std::string_view s) {
  if (s.empty()) return {};
  if (used_ + s.size() > capacity_) {
    // Blocks double from 256 bytes, so a one-row result does not pay for a large block.
    capacity_ = std::max<size_t>(s.size(), std::min<size_t>(capacity_ ? capacity_ * 2 : 256,
                                                            64 * 1024));
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(capacity_));
    used_ = 0;
  }
  char* dst = blocks_.back().get() + used_;
  std::memcpy(dst, s.data(), s.size());
  used_ += s.size();
  return {dst, s.size()};
}

namespace {
std::shared_ptr<VectorBuffer> NewBuffer(PhysicalType type, idx_t capacity) {
  auto buf = std::make_shared<VectorBuffer>();
  idx_t bytes = PhysicalTypeSize(type) * std::max<idx_t>(capacity, 1);
  // Kernels skip NULL rows, so only string slots need a defined (empty) value.
  buf->data = std::make_unique_for_overwrite<uint8_t[]>(bytes);
  if (type == PhysicalType::kString) std::memset(buf->data.get(), 0, bytes);
  buf->capacity = capacity;
  return buf;
}

// Constructs the payload type in place (all physical types are trivially copyable).
template <typename T>
void Put(Vector& v, idx_t i, const T& x) {
  v.data<T>()[i] = x;
}
}  // namespace

Vector::Vector(LogicalType type, idx_t capacity)
    : type_(type), buffer_(NewBuffer(type.physical(), capacity)) {}

Vector Vector::Constant(const Value& value) {
  Vector v(value.type(), 1);
  v.SetConstant(value);
  return v;
}

std::string_view Vector::AddString(std::string_view s) {
  if (!buffer_->heap) buffer_->heap = std::make_shared<StringHeap>();
  return buffer_->heap->Add(s);
}

void Vector::SetConstant(const Value& value) {
  if (value.type().id() != TypeId::kUnknown || type_.id() == TypeId::kUnknown) type_ = value.type();
  kind_ = VectorKind::kConstant;
  child_.reset();
  sel_ = SelectionVector();
  buffer_ = NewBuffer(type_.physical(), 1);
  validity_.Reset();
  SetValue(0, value);
}

void Vector::Slice(const SelectionVector& sel, idx_t count) {
  if (kind_ == VectorKind::kConstant) return;  // every row is row 0 already
  if (kind_ == VectorKind::kDictionary) {
    SelectionVector merged(count);
    for (idx_t i = 0; i < count; i++) merged.set(i, sel_.get(sel.get(i)));
    sel_ = merged;
    return;
  }
  child_ = std::make_shared<Vector>(*this);
  kind_ = VectorKind::kDictionary;
  sel_ = sel;
}

UnifiedFormat Vector::ToUnified() const {
  UnifiedFormat u;
  switch (kind_) {
    case VectorKind::kFlat:
      u.data = buffer_->data.get();
      u.sel = SelectionVector::Incremental();
      u.validity = &validity_;
      break;
    case VectorKind::kConstant:
      u.data = buffer_->data.get();
      u.sel = SelectionVector::Zero();
      u.validity = &validity_;
      break;
    case VectorKind::kDictionary:
      u.data = child_->buffer_->data.get();
      u.sel = sel_.data();
      u.validity = &child_->validity_;
      break;
  }
  return u;
}

void Vector::Flatten(idx_t count) {
  if (kind_ == VectorKind::kFlat) return;
  Vector flat(type_, std::max<idx_t>(count, kVectorSize));
  flat.Append(*this, count, 0);
  *this = std::move(flat);
}

Value Vector::GetValue(idx_t i) const {
  UnifiedFormat u = ToUnified();
  if (!u.IsValid(i)) return Value::Null(type_);
  switch (type_.physical()) {
    case PhysicalType::kBool:
      return Value::Boolean(u.Get<bool>(i));
    case PhysicalType::kInt64:
      return Value::Int(type_, u.Get<int64_t>(i));
    case PhysicalType::kDouble:
      return Value::Double(u.Get<double>(i), type_);
    case PhysicalType::kDecimal:
      return Value::Numeric(u.Get<Decimal>(i), type_);
    case PhysicalType::kString:
      return Value::Text(std::string(u.Get<std::string_view>(i)), type_);
    case PhysicalType::kInterval:
      return Value::FromInterval(u.Get<Interval>(i));
    case PhysicalType::kUuid:
      return Value::FromUuid(u.Get<Uuid>(i));
  }
  HELIOS_UNREACHABLE();
}

void Vector::SetValue(idx_t i, const Value& v) {
  if (v.is_null()) {
    validity_.SetInvalid(i);
    return;
  }
  validity_.SetValid(i);
  switch (type_.physical()) {
    case PhysicalType::kBool:
      return Put(*this, i, v.GetBool());
    case PhysicalType::kInt64:
      return Put(*this, i, v.GetInt64());
    case PhysicalType::kDouble:
      return Put(*this, i, v.GetDouble());
    case PhysicalType::kDecimal:
      return Put(*this, i, v.GetDecimal());
    case PhysicalType::kString:
      return SetString(i, v.GetString());
    case PhysicalType::kInterval:
      return Put(*this, i, v.GetInterval());
    case PhysicalType::kUuid:
      return Put(*this, i, v.GetUuid());
  }
}

void Vector::Reserve(idx_t capacity) {
  if (capacity <= buffer_->capacity) return;
  idx_t width = PhysicalTypeSize(type_.physical());
  auto grown = NewBuffer(type_.physical(), capacity);
  std::memcpy(grown->data.get(), buffer_->data.get(), width * buffer_->capacity);
  grown->heap = buffer_->heap;
  buffer_ = std::move(grown);
}

void Vector::CopyRow(const Vector& src, idx_t src_row, idx_t dst_row) {
  UnifiedFormat u = src.ToUnified();
  if (!u.IsValid(src_row)) {
    validity_.SetInvalid(dst_row);
    return;
  }
  validity_.SetValid(dst_row);
  idx_t width = PhysicalTypeSize(type_.physical());
  if (type_.physical() == PhysicalType::kString) {
    SetString(dst_row, u.Get<std::string_view>(src_row));
  } else {
    std::memcpy(buffer_->data.get() + dst_row * width, u.data + u.sel[src_row] * width, width);
  }
}

void Vector::Append(const Vector& src, idx_t count, idx_t offset) {
  HELIOS_ASSERT(kind_ == VectorKind::kFlat);
  Reserve(offset + count);
  UnifiedFormat u = src.ToUnified();
  idx_t width = PhysicalTypeSize(type_.physical());
  bool strings = type_.physical() == PhysicalType::kString;
  uint8_t* dst = buffer_->data.get();
  for (idx_t i = 0; i < count; i++) {
    idx_t s = u.sel[i];
    if (!u.validity->IsValid(s)) {
      validity_.SetInvalid(offset + i);
      continue;
    }
    validity_.SetValid(offset + i);
    if (strings) {
      SetString(offset + i, reinterpret_cast<const std::string_view*>(u.data)[s]);
    } else {
      std::memcpy(dst + (offset + i) * width, u.data + s * width, width);
    }
  }
}

}  // namespace heliosdb
